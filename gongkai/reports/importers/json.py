"""Read a report's tables from the JSON exchange format (the ``annual_report check`` input).

Tolerant on input: a missing row is blank, a 2021 file with the 2019 row ``other_processing`` keeps
it (the validator warns and counts it as （六）3.其他), numbers written as strings are read. Strict in
findings: anything that cannot be read becomes a ``schema.*`` finding with the place and the reason,
never an exception.
"""

import json
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.utils.translation import gettext as _

from ..formats import (
    ALL_TABLE3_KEYS,
    COLUMN_KEYS,
    TABLE4_COLUMN_KEYS,
    TABLE4_GROUP_KEYS,
    format_for_year,
    table2_cells,
    table3_keys,
)
from ..tables.data import ReportData
from ..validation import ERROR, WARNING, Finding


class ImportFailed(Exception):
    """The input is not a report at all; ``findings`` say why."""

    def __init__(self, findings: list[Finding]):
        super().__init__("; ".join(f.detail for f in findings))
        self.findings = findings


def load_file(path: str | Path) -> tuple[ReportData, list[Finding]]:
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ImportFailed(
            [
                Finding(
                    "schema.unreadable_file",
                    [],
                    _("Cannot read %(path)s: %(error)s") % {"path": path, "error": exc},
                )
            ]
        ) from exc
    return loads(text)


def loads(text: str) -> tuple[ReportData, list[Finding]]:
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFailed(
            [
                Finding(
                    "schema.invalid_json",
                    [],
                    _("Not valid JSON: %(msg)s at line %(line)s, column %(col)s.")
                    % {"msg": exc.msg, "line": exc.lineno, "col": exc.colno},
                )
            ]
        ) from exc
    return parse(raw)


def parse(raw) -> tuple[ReportData, list[Finding]]:
    """Turn decoded JSON into ``ReportData`` plus the schema findings met on the way."""
    findings: list[Finding] = []
    if not isinstance(raw, dict):
        raise ImportFailed(
            [Finding("schema.not_an_object", [], _("The file must hold one JSON object (a report)."))]
        )
    if "table3" not in raw and "table4" not in raw:
        raise ImportFailed(
            [
                Finding(
                    "schema.missing_tables",
                    ["table3", "table4"],
                    _("The object has neither table3 nor table4."),
                )
            ]
        )

    year = raw.get("year")
    if isinstance(year, str) and year.strip().isdigit():
        year = int(year.strip())
    if not isinstance(year, int) or isinstance(year, bool) or not 2008 <= year <= 2100:
        findings.append(
            Finding(
                "schema.year",
                ["year"],
                _("year must be a report year such as 2021, not %(v)r.") % {"v": raw.get("year")},
            )
        )
        year = None
    fmt = str(raw.get("format") or "").strip()
    if fmt not in ("2019", "2021"):
        if fmt:
            findings.append(
                Finding(
                    "schema.format",
                    ["format"],
                    _('format must be "2019" or "2021", not %(v)r.') % {"v": raw.get("format")},
                )
            )
        fmt = format_for_year(year) if year else "2021"
        if not raw.get("format"):
            findings.append(
                Finding(
                    "schema.format",
                    ["format"],
                    _("format is missing; the %(fmt)s format of the report year is assumed.") % {"fmt": fmt},
                    WARNING,
                )
            )
    agency = raw.get("agency")
    if not isinstance(agency, str) or not agency.strip():
        findings.append(
            Finding("schema.agency", ["agency"], _("agency (the reporting organ) is missing."), WARNING)
        )
        agency = ""

    data = ReportData(agency=agency.strip(), year=year, format=fmt)
    data.table3 = _parse_table3(raw.get("table3"), fmt, findings)
    data.table4 = _parse_table4(raw.get("table4"), findings)
    data.table2 = _parse_table2(raw.get("table2"), fmt, findings)
    narrative = raw.get("narrative") or {}
    if isinstance(narrative, dict):
        data.narrative = {k: v for k, v in narrative.items() if isinstance(v, str)}
    elif isinstance(narrative, str):
        data.narrative = {"overview": narrative}
    return data, findings


def number(value, where: str, findings: list[Finding], *, decimal: bool = False):
    """A cell: ``None`` for blank, else a non-negative number. Bad cells are findings and blank."""
    if value is None or (isinstance(value, str) and value.strip() in ("", "-", "—", "／", "/")):
        return None
    if isinstance(value, bool):
        findings.append(
            Finding(
                "schema.not_a_number",
                [where],
                _("%(cell)s: %(v)r is not a number.") % {"cell": where, "v": value},
            )
        )
        return None
    if isinstance(value, str):
        text = value.strip().replace(",", "").replace("，", "")
        try:
            value = Decimal(text)
        except InvalidOperation:
            findings.append(
                Finding(
                    "schema.not_a_number",
                    [where],
                    _("%(cell)s: %(v)r is not a number.") % {"cell": where, "v": value},
                )
            )
            return None
    if isinstance(value, float):
        value = Decimal(str(value))
    if isinstance(value, Decimal) and not decimal:
        if value != value.to_integral_value():
            findings.append(
                Finding(
                    "schema.not_an_integer",
                    [where],
                    _("%(cell)s: %(v)s is not a whole number.") % {"cell": where, "v": value},
                )
            )
            return None
        value = int(value)
    if not isinstance(value, int | Decimal):
        findings.append(
            Finding(
                "schema.not_a_number",
                [where],
                _("%(cell)s: %(v)r is not a number.") % {"cell": where, "v": value},
            )
        )
        return None
    if value < 0:
        findings.append(
            Finding(
                "schema.negative", [where], _("%(cell)s: %(v)s is negative.") % {"cell": where, "v": value}
            )
        )
    return value


def _parse_table3(raw, fmt, findings):
    table: dict[str, list] = {}
    if raw is None:
        findings.append(
            Finding(
                "schema.missing_table3", ["table3"], _("table3 is missing; every cell is blank."), WARNING
            )
        )
        return {key: [None] * len(COLUMN_KEYS) for key in table3_keys(fmt)}
    if not isinstance(raw, dict):
        findings.append(
            Finding("schema.table3", ["table3"], _("table3 must map row keys to lists of 7 cells."))
        )
        return {key: [None] * len(COLUMN_KEYS) for key in table3_keys(fmt)}
    expected = table3_keys(fmt)
    for key, values in raw.items():
        if key not in ALL_TABLE3_KEYS:
            findings.append(
                Finding(
                    "schema.unknown_row",
                    [f"table3.{key}"],
                    _("table3 has an unknown row %(key)r; row keys are those of domain-rules §1.4.")
                    % {"key": key},
                )
            )
            continue
        if key not in expected and not (fmt == "2021" and key == "other_processing"):
            findings.append(
                Finding(
                    "format.row_not_in_format",
                    [f"table3.{key}"],
                    _("Row %(key)s does not exist in the %(fmt)s format.") % {"key": key, "fmt": fmt},
                    WARNING,
                )
            )
        if not isinstance(values, list) or len(values) != len(COLUMN_KEYS):
            findings.append(
                Finding(
                    "schema.row_length",
                    [f"table3.{key}"],
                    _("Row %(key)s must be a list of 7 cells (natural … total), not %(v)r.")
                    % {"key": key, "v": values},
                )
            )
            values = [None] * len(COLUMN_KEYS) if not isinstance(values, list) else (values + [None] * 7)[:7]
        table[key] = [
            number(v, f"table3.{key}.{c}", findings) for v, c in zip(values, COLUMN_KEYS, strict=True)
        ]
    for key in expected:
        if key not in table and not (
            fmt == "2021" and key.startswith("other_") and "other_processing" in table
        ):
            table[key] = [None] * len(COLUMN_KEYS)
    return table


def _parse_table4(raw, findings):
    table: dict[str, dict] = {}
    if raw is None:
        findings.append(
            Finding(
                "schema.missing_table4", ["table4"], _("table4 is missing; every cell is blank."), WARNING
            )
        )
        raw = {}
    if not isinstance(raw, dict):
        findings.append(
            Finding("schema.table4", ["table4"], _("table4 must map the three groups to their cells."))
        )
        raw = {}
    for group in raw:
        if group not in TABLE4_GROUP_KEYS:
            findings.append(
                Finding(
                    "schema.unknown_group",
                    [f"table4.{group}"],
                    _("table4 has an unknown group %(g)r.") % {"g": group},
                )
            )
    for group in TABLE4_GROUP_KEYS:
        values = raw.get(group)
        if values is None:
            table[group] = dict.fromkeys(TABLE4_COLUMN_KEYS)
            continue
        if isinstance(values, list) and len(values) == len(TABLE4_COLUMN_KEYS):
            values = dict(zip(TABLE4_COLUMN_KEYS, values, strict=True))
        if not isinstance(values, dict):
            findings.append(
                Finding(
                    "schema.table4", [f"table4.{group}"], _("table4.%(g)s must be an object.") % {"g": group}
                )
            )
            values = {}
        for column in values:
            if column not in TABLE4_COLUMN_KEYS:
                findings.append(
                    Finding(
                        "schema.unknown_column",
                        [f"table4.{group}.{column}"],
                        _("Unknown Table IV column %(c)r.") % {"c": column},
                    )
                )
        table[group] = {c: number(values.get(c), f"table4.{group}.{c}", findings) for c in TABLE4_COLUMN_KEYS}
    return table


def _parse_table2(raw, fmt, findings):
    if not raw:
        return {}
    if not isinstance(raw, dict):
        findings.append(Finding("schema.table2", ["table2"], _("table2 must map rows to their cells.")))
        return {}
    known = table2_cells(fmt)
    table: dict[str, dict] = {}
    for row, columns in raw.items():
        if not isinstance(columns, dict):
            findings.append(
                Finding("schema.table2", [f"table2.{row}"], _("table2.%(r)s must be an object.") % {"r": row})
            )
            continue
        for column, value in columns.items():
            if (row, column) not in known:
                findings.append(
                    Finding(
                        "schema.unknown_cell",
                        [f"table2.{row}.{column}"],
                        _("Table II has no cell %(r)s.%(c)s in the %(f)s format.")
                        % {"r": row, "c": column, "f": fmt},
                        WARNING,
                    )
                )
            table.setdefault(row, {})[column] = number(
                value, f"table2.{row}.{column}", findings, decimal=True
            )
    return table


__all__ = ["ERROR", "ImportFailed", "load_file", "loads", "parse"]
