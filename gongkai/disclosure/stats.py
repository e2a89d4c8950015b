"""Figures of the annual report's Table II (一) (第二十条第（一）项), read from the item records.

2021 format: rows 规章 (rules) and 行政规范性文件 (normative documents); columns 本年制发件数
(issued this year), 本年废止件数 (repealed this year), 现行有效件数 (in force). Each figure is a query:
``normative_document_queryset`` returns the records behind it for drill-down.

- issued: date written (成文日期) in the year (every item has one; imports keep the original);
- repealed: repealed or expired in the year;
- in force: valid on 31 December of the year (written by then and not repealed/expired by then).

Only published (live) items count: a draft is not yet an issued document of record.
"""

import datetime as dt

from django.db.models import Q

from .models import Genre, InformationItemPage
from .validity import in_force_on, repealed_in_year

ROWS = {"rules": Genre.RULE, "normative_documents": Genre.NORMATIVE_DOCUMENT}
COLUMNS = ("issued", "repealed", "in_force")


def normative_document_queryset(unit_ids, year: int, row: str, column: str):
    """The items behind one figure of Table II (一). ``row`` in ROWS, ``column`` in COLUMNS."""
    if row not in ROWS:
        raise ValueError(f"unknown row {row!r}; expected one of {sorted(ROWS)}")
    if column not in COLUMNS:
        raise ValueError(f"unknown column {column!r}; expected one of {list(COLUMNS)}")
    qs = InformationItemPage.objects.live().filter(genre=ROWS[row], unit_id__in=list(unit_ids))
    if column == "issued":
        condition = Q(date_written__year=year)
    elif column == "repealed":
        condition = repealed_in_year(year)
    else:
        condition = in_force_on(dt.date(year, 12, 31))
    return qs.filter(condition).order_by("date_written", "pk")


def normative_document_counts(unit_ids, year: int) -> dict[str, dict[str, int]]:
    """``{"rules": {"issued", "repealed", "in_force"}, "normative_documents": {...}}`` for ``year``."""
    unit_ids = list(unit_ids)
    return {
        row: {column: normative_document_queryset(unit_ids, year, row, column).count() for column in COLUMNS}
        for row in ROWS
    }


def items_published(unit_ids, year: int) -> int:
    """Information items proactively published in ``year`` (for the report's overview)."""
    return (
        InformationItemPage.objects.public()
        .filter(unit_id__in=list(unit_ids), date_published__year=year)
        .count()
    )


def interpretations_published(unit_ids, year: int) -> int:
    """Policy interpretations first published in ``year``."""
    from .models import PolicyInterpretationPage

    return (
        PolicyInterpretationPage.objects.live()
        .filter(unit_id__in=list(unit_ids), first_published_at__year=year)
        .count()
    )
