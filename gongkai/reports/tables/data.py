"""The figures of one annual report, whatever their origin (computed, entered, imported).

A cell is an ``int`` (or a ``Decimal``/``float`` for amounts) or ``None`` for a blank cell: §1.6
item 9 keeps blank distinguishable from 0. The JSON form is the exchange format of the ``check``
command (columns natural, commercial, research, public_welfare, legal_service, other, total).
"""

from dataclasses import dataclass, field
from decimal import Decimal

from ..formats import (
    ALL_TABLE3_KEYS,
    COLUMN_KEYS,
    TABLE4_COLUMN_KEYS,
    TABLE4_GROUP_KEYS,
    format_for_year,
    table3_keys,
)

Cell = int | float | Decimal | None


@dataclass
class ReportData:
    agency: str = ""
    year: int | None = None
    format: str = "2021"
    #: row key → 7 cells (columns in COLUMN_KEYS order)
    table3: dict[str, list[Cell]] = field(default_factory=dict)
    #: group key → column key → cell
    table4: dict[str, dict[str, Cell]] = field(default_factory=dict)
    #: row key → column key → cell
    table2: dict[str, dict[str, Cell]] = field(default_factory=dict)
    narrative: dict[str, str] = field(default_factory=dict)

    @classmethod
    def empty(cls, agency: str, year: int, fmt: str | None = None) -> "ReportData":
        fmt = fmt or format_for_year(year)
        return cls(
            agency=agency,
            year=year,
            format=fmt,
            table3={key: [0] * len(COLUMN_KEYS) for key in table3_keys(fmt)},
            table4={g: dict.fromkeys(TABLE4_COLUMN_KEYS, 0) for g in TABLE4_GROUP_KEYS},
        )

    def cell(self, row: str, column: str) -> Cell:
        values = self.table3.get(row)
        if values is None:
            return None
        return values[COLUMN_KEYS.index(column)]

    def total(self, row: str) -> Cell:
        return self.cell(row, "total")

    def to_json(self) -> dict:
        """The exchange format: Table III rows in template order, blanks as ``null``."""
        ordered = {key: list(self.table3[key]) for key in ALL_TABLE3_KEYS if key in self.table3}
        data = {
            "agency": self.agency,
            "year": self.year,
            "format": self.format,
            "table3": {k: [_plain(v) for v in vs] for k, vs in ordered.items()},
            "table4": {g: {c: _plain(v) for c, v in cols.items()} for g, cols in self.table4.items()},
        }
        if self.table2:
            data["table2"] = {r: {c: _plain(v) for c, v in cols.items()} for r, cols in self.table2.items()}
        if self.narrative:
            data["narrative"] = dict(self.narrative)
        return data


def _plain(value):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value
