"""Table III 收到和处理政府信息公开申请情况, computed from the applications (§1.4).

Each figure is one filter over ``Application``; the filter is also what the drill-down lists:

- 一、本年新收 ``new_received``: received (``received_on``) in the year;
- 二、上年结转 ``carried_over``: received before 1 January and not closed before 1 January;
- 三、本年度办理结果: closed (``closed_on``) in the year, in the row of its ``outcome``; （七）总计 is
  every application closed in the year (so an outcome outside the 21 rows would break §1.6 item 2
  and the validator would say so instead of hiding it);
- 四、结转下年度 ``carried_forward``: received by 31 December and not closed by then.

Columns are the applicant types. The district's table for a year is four GROUP BY queries,
whatever the number of units or applications.
"""

import datetime

from django.db.models import Count, Q

from gongkai.applications.models import Application

from ..formats import APPLICANT_KEYS, COLUMN_KEYS, OTHER_2021_KEYS, format_for_year, outcome_keys, table3_keys


def year_bounds(year: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


def _base(unit_ids):
    qs = Application.objects.all()
    if unit_ids is not None:
        qs = qs.filter(handling_unit_id__in=list(unit_ids))
    return qs


def new_received(unit_ids, year):
    start, end = year_bounds(year)
    return _base(unit_ids).filter(received_on__gte=start, received_on__lte=end)


def carried_over(unit_ids, year):
    start, _end = year_bounds(year)
    return (
        _base(unit_ids)
        .filter(received_on__lt=start)
        .filter(Q(closed_on__isnull=True) | Q(closed_on__gte=start))
    )


def processed(unit_ids, year):
    start, end = year_bounds(year)
    return _base(unit_ids).filter(closed_on__gte=start, closed_on__lte=end, received_on__isnull=False)


def carried_forward(unit_ids, year):
    _start, end = year_bounds(year)
    return (
        _base(unit_ids).filter(received_on__lte=end).filter(Q(closed_on__isnull=True) | Q(closed_on__gt=end))
    )


ROW_QUERIES = {
    "new_received": new_received,
    "carried_over": carried_over,
    "total_processed": processed,
    "carried_forward": carried_forward,
}


def _by_applicant(qs) -> list[int]:
    counts = dict.fromkeys(APPLICANT_KEYS, 0)
    unknown = 0
    for row in qs.values("applicant_type").annotate(n=Count("pk")).order_by():
        if row["applicant_type"] in counts:
            counts[row["applicant_type"]] += row["n"]
        else:
            unknown += row["n"]
    values = [counts[k] for k in APPLICANT_KEYS]
    # An unknown applicant type still counts in the total; §1.6 item 3 then flags the row.
    return [*values, sum(values) + unknown]


def compute_table3(unit_ids, year: int, fmt: str | None = None) -> dict[str, list[int]]:
    """Table III for the applications handled by ``unit_ids`` (None: all units) in ``year``."""
    fmt = fmt or format_for_year(year)
    table = {key: [0] * len(COLUMN_KEYS) for key in table3_keys(fmt)}
    for key in ("new_received", "carried_over", "carried_forward"):
        table[key] = _by_applicant(ROW_QUERIES[key](unit_ids, year))

    outcome_rows = set(outcome_keys(fmt))
    total_index = len(COLUMN_KEYS) - 1
    rows = processed(unit_ids, year).values("applicant_type", "outcome").annotate(n=Count("pk")).order_by()
    for row in rows:
        key = row["outcome"]
        if fmt == "2019" and key in OTHER_2021_KEYS:
            key = "other_processing"  # the 2019 format has one （六）其他处理 row
        column = row["applicant_type"]
        index = APPLICANT_KEYS.index(column) if column in APPLICANT_KEYS else None
        for target in ("total_processed", key):
            if target != "total_processed" and target not in outcome_rows:
                continue
            if index is not None:
                table[target][index] += row["n"]
            table[target][total_index] += row["n"]
    return table


def table3_queryset(unit_ids, year: int, row: str, column: str, fmt: str | None = None):
    """The applications behind one cell of Table III (drill-down). Raises KeyError for a bad cell."""
    fmt = fmt or format_for_year(year)
    if row not in table3_keys(fmt) or column not in COLUMN_KEYS:
        raise KeyError((row, column))
    if row in ROW_QUERIES:
        qs = ROW_QUERIES[row](unit_ids, year)
    else:
        qs = processed(unit_ids, year)
        qs = qs.filter(outcome__in=OTHER_2021_KEYS) if row == "other_processing" else qs.filter(outcome=row)
    if column != "total":
        qs = qs.filter(applicant_type=column)
    return qs.select_related("handling_unit").order_by("received_on", "pk")
