"""Table IV 政府信息公开行政复议、行政诉讼情况, computed from the appeals records (§1.5).

Which cases a year's table holds: every case filed by 31 December that was not already decided
before 1 January, i.e. open at some time in the year. Its column is its result as of 31 December
(尚未审结 if not decided by then), so a case pending at the end of Y−1 reappears as decided in Y
(§1.6 item 7). A case counts for its respondent (the original acting agency) only, never for a
reconsideration body that is co-defendant (§1.2).
"""

import datetime

from django.db.models import Case, CharField, Count, F, Q, Value, When

from gongkai.appeals.models import AppealCase, AppealResult

from ..formats import TABLE4_COLUMN_KEYS, TABLE4_GROUP_KEYS


def year_bounds(year: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


def _in_year(unit_ids, year):
    start, end = year_bounds(year)
    return AppealCase.objects.filter(respondent_unit_id__in=list(unit_ids), filed_on__lte=end).filter(
        Q(decided_on__isnull=True) | Q(decided_on__gte=start)
    )


def _column_expr(end):
    return Case(
        When(decided_on__lte=end, then=F("result")),
        default=Value(AppealResult.PENDING),
        output_field=CharField(),
    )


def compute_table4(unit_ids, year: int) -> dict[str, dict[str, int]]:
    """One GROUP BY query: group → column → count, with the totals."""
    _start, end = year_bounds(year)
    table = {g: dict.fromkeys(TABLE4_COLUMN_KEYS, 0) for g in TABLE4_GROUP_KEYS}
    rows = (
        _in_year(unit_ids, year)
        .annotate(column=_column_expr(end))
        .values("kind", "column")
        .annotate(n=Count("pk"))
    )
    for row in rows.order_by():
        table[row["kind"]][row["column"]] += row["n"]
        table[row["kind"]]["total"] += row["n"]
    return table


def table4_queryset(unit_ids, year: int, group: str, column: str):
    """The cases behind one cell of Table IV (drill-down)."""
    if group not in TABLE4_GROUP_KEYS or column not in TABLE4_COLUMN_KEYS:
        raise KeyError((group, column))
    _start, end = year_bounds(year)
    qs = _in_year(unit_ids, year).filter(kind=group).annotate(column=_column_expr(end))
    if column != "total":
        qs = qs.filter(column=column)
    return qs.select_related("respondent_unit").order_by("filed_on", "pk")
