"""What each column shows: its own items plus the items classified under it (组配分类)."""

from django.core.paginator import Paginator
from django.db.models import Q

from .models import (
    ColumnKind,
    ColumnPage,
    GazetteIssuePage,
    InformationItemPage,
    PolicyInterpretationPage,
)

PER_PAGE = 20


def navigation_columns(home):
    """The first two levels of columns, for the home page and the header."""
    return ColumnPage.objects.child_of(home).live().in_menu().specific()


def items_for_column(column: ColumnPage):
    """Public items that belong in ``column``: under it in the tree, or classified into it."""
    condition = Q(path__startswith=column.path)
    if column.column_kind == ColumnKind.CATEGORY and column.category:
        condition |= Q(category=column.category)
    if column.column_kind == ColumnKind.KEY_AREA and column.key_area:
        condition |= Q(key_area=column.key_area)
    if column.column_kind == ColumnKind.TOPIC:
        condition |= Q(topics=column)
    if column.column_kind == ColumnKind.UNIT and column.unit_id:
        condition |= Q(unit_id=column.unit_id)
    return (
        InformationItemPage.objects.public()
        .filter(condition)
        .exclude(pk=column.pk)
        .distinct()
        .select_related("unit")
        .order_by("-date_published", "-pk")
    )


def column_context(column: ColumnPage, request) -> dict:
    page_number = request.GET.get("page") or 1
    paginator = Paginator(items_for_column(column).only(*LIST_FIELDS), PER_PAGE)
    context = {
        "subcolumns": ColumnPage.objects.child_of(column).live().order_by("path"),
        "page_obj": paginator.get_page(page_number),
        "other_children": column.get_children()
        .live()
        .not_type(ColumnPage, InformationItemPage)
        .specific()
        .order_by("-first_published_at"),
    }
    if column.column_kind == ColumnKind.INTERPRETATIONS:
        # Interpretations live in their unit's column (for editing rights); this column shows them all.
        context["interpretations"] = (
            PolicyInterpretationPage.objects.live()
            .select_related("policy")
            .order_by("-first_published_at")[:100]
        )
    if column.column_kind == ColumnKind.GAZETTE:
        context["gazette_issues"] = (
            GazetteIssuePage.objects.live().descendant_of(column).order_by("-year", "-issue")
        )
    if column.column_kind in (ColumnKind.GUIDE, ColumnKind.INSTITUTION):
        from . import guide

        context["guide"] = guide.build(column.unit)
    if column.column_kind == ColumnKind.INSTITUTION:
        from gongkai.organizations.models import Unit

        units = Unit.objects.active().prefetch_related("leaders")
        context["institution_units"] = units.filter(pk=column.unit_id) if column.unit_id else units
    return context


LIST_FIELDS = (
    "id",
    "title",
    "url_path",
    "path",
    "depth",
    "index_number",
    "unit__name",
    "document_number",
    "date_written",
    "date_published",
    "validity",
    "summary",
    "content_type_id",
)


def unit_column(unit) -> ColumnPage | None:
    return ColumnPage.objects.filter(column_kind=ColumnKind.UNIT, unit=unit).order_by("depth").first()


def find_column(kind: str) -> ColumnPage | None:
    """The first column of ``kind`` (e.g. ``"annual_reports"``), for other apps to attach pages to."""
    return ColumnPage.objects.filter(column_kind=kind).order_by("depth", "path").first()
