from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone

from gongkai.organizations.models import Unit

from .. import catalogue
from ..columns import CappedPaginator
from ..models import Genre


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def catalogue_view(request, fmt: str = "html"):
    unit_id, year = _int(request.GET.get("unit")), _int(request.GET.get("year"))
    genre = request.GET.get("genre") if request.GET.get("genre") in Genre.values else None
    entries = catalogue.entries(unit_id=unit_id, year=year, genre=genre)
    stamp = timezone.localdate().isoformat()
    if fmt == "csv":
        response = StreamingHttpResponse(
            catalogue.stream_csv(entries, request.build_absolute_uri("/")[:-1]),
            content_type="text/csv; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="catalogue-{stamp}.csv"'
        return response
    if fmt == "xlsx":
        response = HttpResponse(
            catalogue.as_xlsx(entries, request.build_absolute_uri("/")[:-1]),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="catalogue-{stamp}.xlsx"'
        return response
    wanted = _int(request.GET.get("page")) or 1
    # At a million items an exact count costs more than the page: count ten pages ahead at most.
    paginator = CappedPaginator(entries, 50, cap=(max(1, min(wanted, 10_000)) + 10) * 50)
    page_obj = paginator.get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    this_year = timezone.localdate().year
    return render(
        request,
        "disclosure/catalogue.html",
        {
            "page_obj": page_obj,
            "count_capped": paginator.capped,
            "units": Unit.objects.active(),
            "years": range(this_year, this_year - 20, -1),
            "genres": Genre.choices,
            "selected": {"unit": unit_id, "year": year, "genre": genre},
            "querystring": params.urlencode(),
        },
    )
