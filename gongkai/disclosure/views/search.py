from django.shortcuts import render
from django.utils import timezone

from gongkai.organizations.models import Unit

from ..forms import SearchForm
from ..models import ColumnPage
from ..search_service import portal_search

FILTERABLE_KINDS = ["statutory", "rules_systems", "category", "key_area", "topic", "unit", "interpretations"]


def search_view(request):
    this_year = timezone.localdate().year
    form = SearchForm(
        request.GET or None,
        units=Unit.objects.active(),
        columns=ColumnPage.objects.live().filter(column_kind__in=FILTERABLE_KINDS).order_by("path"),
        years=range(this_year, this_year - 20, -1),
    )
    results = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        if data["q"] or any(data[k] for k in ("unit", "column", "category", "year", "genre", "validity")):
            results = portal_search(
                data["q"],
                unit=data["unit"],
                column=data["column"],
                category=data["category"],
                year=data["year"],
                genre=data["genre"],
                validity=data["validity"],
                sort=data["sort"] or "relevance",
                page=data["page"] or 1,
            )
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "disclosure/search.html",
        {"form": form, "results": results, "querystring": params.urlencode()},
        status=400 if form.is_bound and not form.is_valid() else 200,
    )
