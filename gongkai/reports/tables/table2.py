"""Table II 主动公开政府信息情况 (§1.3).

(一) rules and normative documents come from the disclosure records through the portal's
``gongkai.disclosure.stats`` when it exists (2021 format columns issued / repealed / in force);
otherwise, and for the 2019 columns, from the figures entered per unit and year (``Table2Entry``).
(五)(六)(八) and the 2019 (九) are always entered: the system does not hold licensing, penalty,
compulsion or fee records.
"""

import importlib
from decimal import Decimal

from django.db.models import Sum

from ..formats import format_for_year
from ..models import Table2Entry

#: (row, column) → Table2Entry field, per format
ENTRY_FIELDS = {
    "2021": {
        ("rules", "issued"): "rules_issued",
        ("rules", "repealed"): "rules_repealed",
        ("rules", "in_force"): "rules_in_force",
        ("normative_documents", "issued"): "normative_issued",
        ("normative_documents", "repealed"): "normative_repealed",
        ("normative_documents", "in_force"): "normative_in_force",
        ("licensing", "decisions"): "licensing_decisions",
        ("penalty", "decisions"): "penalty_decisions",
        ("compulsion", "decisions"): "compulsion_decisions",
        ("fees", "amount_wan"): "fee_amount_wan",
    },
    "2019": {
        ("rules", "made"): "rules_issued",
        ("rules", "published"): "rules_published",
        ("rules", "total_published"): "rules_total_published",
        ("normative_documents", "made"): "normative_issued",
        ("normative_documents", "published"): "normative_published",
        ("normative_documents", "total_published"): "normative_total_published",
        ("licensing", "previous_items"): "licensing_previous_items",
        ("licensing", "change"): "licensing_change",
        ("licensing", "decisions"): "licensing_decisions",
        ("other_services", "previous_items"): "other_services_previous_items",
        ("other_services", "change"): "other_services_change",
        ("other_services", "decisions"): "other_services_decisions",
        ("penalty", "previous_items"): "penalty_previous_items",
        ("penalty", "change"): "penalty_change",
        ("penalty", "decisions"): "penalty_decisions",
        ("compulsion", "previous_items"): "compulsion_previous_items",
        ("compulsion", "change"): "compulsion_change",
        ("compulsion", "decisions"): "compulsion_decisions",
        ("fees", "previous_items"): "fee_previous_items",
        ("fees", "change"): "fee_change",
        ("procurement", "items"): "procurement_items",
        ("procurement", "amount_wan"): "procurement_amount_wan",
    },
}
DISCLOSURE_ROWS = {"rules", "normative_documents"}


def disclosure_stats():
    """The portal's statistics module, or None while it does not exist."""
    try:
        module = importlib.import_module("gongkai.disclosure.stats")
    except ModuleNotFoundError:
        return None
    return module if hasattr(module, "normative_document_counts") else None


def compute_table2(unit_ids, year: int, fmt: str | None = None) -> tuple[dict, dict]:
    """(table, sources): row → column → value, and the origin of each cell ("records" or "entered").

    A cell nobody entered stays blank (None), so the validator can say so.
    """
    fmt = fmt or format_for_year(year)
    fields = ENTRY_FIELDS[fmt]
    entries = Table2Entry.objects.filter(unit_id__in=list(unit_ids), year=year)
    sums = entries.aggregate(**{f: Sum(f) for f in set(fields.values())})
    table: dict[str, dict] = {}
    sources: dict[str, str] = {}
    for (row, column), field in fields.items():
        value = sums[field]
        if isinstance(value, Decimal):
            value = value.normalize()
        table.setdefault(row, {})[column] = value
        sources[f"{row}.{column}"] = "entered"
    stats = disclosure_stats()
    if stats is not None and fmt == "2021":
        counts = stats.normative_document_counts(list(unit_ids), year)
        for row in DISCLOSURE_ROWS:
            for column, value in (counts.get(row) or {}).items():
                table[row][column] = value
                sources[f"{row}.{column}"] = "records"
    return table, sources


def table2_queryset(unit_ids, year: int, row: str, column: str):
    """Drill-down: the disclosure records behind a (一) cell, or the entries behind an entered cell."""
    stats = disclosure_stats()
    if stats is not None and row in DISCLOSURE_ROWS and hasattr(stats, "normative_document_queryset"):
        return stats.normative_document_queryset(list(unit_ids), year, row, column)
    return Table2Entry.objects.filter(unit_id__in=list(unit_ids), year=year).select_related("unit")
