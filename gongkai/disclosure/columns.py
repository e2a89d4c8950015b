"""What each column shows: its own items plus the items classified under it (组配分类)."""

from django.core.paginator import Paginator
from django.db.models import Q
from django.utils.functional import cached_property

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


COLUMN_TREE_KEY = "disclosure:column-tree"
COLUMN_TREE_TTL = 300


def _column_tree() -> dict[str, dict]:
    """Tree path → the few fields breadcrumbs need, for the home page and every column.

    Kept in the cache with the portal chrome and dropped with it when a column is published
    (``templatetags.disclosure_tags.forget_chrome``)."""
    from django.core.cache import cache
    from wagtail.models import Page

    from .models import HomePage

    tree = cache.get(COLUMN_TREE_KEY)
    if tree is None:
        fields = ("id", "path", "depth", "title", "url_path", "locale_id", "content_type_id")
        tree = {row["path"]: row for row in Page.objects.type(ColumnPage, HomePage).values(*fields)}
        cache.set(COLUMN_TREE_KEY, tree, COLUMN_TREE_TTL)
    return tree


def ancestors_of(page) -> list:
    """The ancestors of ``page`` below the tree root, as plain ``Page`` objects, without a query when
    they are all columns (as they are for information items: their parents can only be columns)."""
    from wagtail.models import Page

    tree = _column_tree()
    steps = Page.steplen
    rows = [tree.get(page.path[: steps * depth]) for depth in range(2, page.depth)]
    if any(row is None for row in rows):  # a page under something other than columns, or a new column
        return list(page.get_ancestors().filter(depth__gt=1))
    return [Page(**row) for row in rows]


def items_for_column(column: ColumnPage):
    """Public items that belong in ``column``: under it in the tree, or classified into it.

    Written so that each branch can use an index at a million items: a unit column by issuing unit
    (items in a unit's subtree are that unit's, see ``InformationItemPage.clean``), a category,
    key-area or topic column by its classification (plus any items filed under it), other columns
    by tree path; newest first via the date index.
    """
    items = InformationItemPage.objects.public()
    if column.column_kind == ColumnKind.UNIT and column.unit_id:
        qs = items.filter(unit_id=column.unit_id)
    else:
        classified = None
        if column.column_kind == ColumnKind.CATEGORY and column.category:
            classified = Q(category=column.category)
        elif column.column_kind == ColumnKind.KEY_AREA and column.key_area:
            classified = Q(key_area=column.key_area)
        elif column.column_kind == ColumnKind.TOPIC:
            classified = Q(
                pk__in=InformationItemPage.topics.through.objects.filter(columnpage=column).values(
                    "informationitempage"
                )
            )
        # Whether any item is filed under the column: an index range on the tree path ("~" sorts
        # after every path character). The listing itself filters by prefix so that SQLite walks
        # the date index (newest first) instead of sorting a large subtree.
        has_items = InformationItemPage.objects.filter(
            path__gt=column.path, path__lt=column.path + "~"
        ).exists()
        in_tree = Q(path__startswith=column.path, depth__gt=column.depth)
        if classified is None:
            qs = items.filter(in_tree) if has_items else items.none()
        elif has_items:
            qs = items.filter(classified | in_tree)
        else:
            qs = items.filter(classified)
    return qs.select_related("unit").order_by("-date_published", "-pk")


class CappedPaginator(Paginator):
    """Counting a million rows for page links costs more than the page: count at most ``cap`` rows
    (enough to show ten pages beyond the one asked for)."""

    def __init__(self, object_list, per_page, cap: int = 2_000, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.cap = cap

    @cached_property
    def count(self):
        # Without ORDER BY: which rows are counted does not change how many there are (min(total, cap)),
        # and ordering inside the counted subquery makes SQLite sort a whole unit's items first.
        return self.object_list.order_by()[: self.cap].count()

    @property
    def capped(self) -> bool:
        return self.count >= self.cap


def column_context(column: ColumnPage, request) -> dict:
    page_number = request.GET.get("page") or 1
    try:
        wanted = max(1, min(int(page_number), 10_000))
    except (TypeError, ValueError):
        wanted = 1  # get_page() below shows the first page for a bad number
    paginator = CappedPaginator(
        items_for_column(column).only(*LIST_FIELDS), PER_PAGE, cap=(wanted + 10) * PER_PAGE
    )
    context = {
        "subcolumns": ColumnPage.objects.child_of(column).live().order_by("path"),
        "page_obj": paginator.get_page(page_number),
        "count_capped": paginator.capped,
        "other_children": _other_children(column),
    }
    if column.column_kind == ColumnKind.INTERPRETATIONS:
        # Interpretations live in their unit's column (for editing rights); this column shows them all.
        # Ids from the interpretation table first: a join ordered by date would scan every page.
        ids = list(PolicyInterpretationPage.objects.order_by().values_list("pk", flat=True)[:5000])
        context["interpretations"] = (
            PolicyInterpretationPage.objects.live()
            .filter(pk__in=ids)
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


#: Columns whose children are only columns and items (the big ones): no scan for other page types.
ITEM_COLUMNS = {
    ColumnKind.UNIT,
    ColumnKind.UNITS,
    ColumnKind.STATUTORY,
    ColumnKind.CATEGORY,
    ColumnKind.KEY_AREA,
    ColumnKind.DISCLOSURE_ROOT,
    ColumnKind.INTERPRETATIONS,
}


def _other_children(column):
    """Child pages that are neither columns nor items (annual reports, gazette issues, notices)."""
    if column.column_kind in ITEM_COLUMNS:
        return []
    children = column.get_children().live().not_type(ColumnPage, InformationItemPage).order_by("path")[:200]
    return sorted(
        children.specific(),
        key=lambda p: p.first_published_at or p.latest_revision_created_at or 0,
        reverse=True,
    )


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
