"""Import and export of the knowledge base as CSV or XLSX.

Columns: ``id,question,variants,answer,category,unit,source_url``; variants and source links are
separated by ``|``. Every bad row is reported with its line number (the header is line 1); a file
with errors loads nothing unless ``skip_errors`` is set, then only the good rows load.
"""

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.organizations.models import Unit

from .kb import bump_version, invalid_source_urls, parse_sources, split_variants
from .models import Entry, Origin, ReviewStatus
from .richtext import clean_answer

COLUMNS = ["id", "question", "variants", "answer", "category", "unit", "source_url"]
REQUIRED = ["id", "question", "answer"]
MAX_ROWS = 100_000


class ImportFileError(ValueError):
    """The file as a whole cannot be read (wrong format, no header, missing columns)."""


@dataclass
class RowError:
    line: int
    message: str

    def __str__(self):
        return _("line %(line)d: %(message)s") % {"line": self.line, "message": self.message}


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)
    loaded: bool = False
    entry_ids: list[int] = field(default_factory=list)


def read_rows(content: bytes, filename: str) -> list[tuple[int, dict]]:
    """``(line number, row)`` pairs from a CSV or XLSX file."""
    if filename.lower().endswith((".xlsx", ".xlsm")):
        return _read_xlsx(content)
    return _read_csv(content)


def _read_csv(content: bytes) -> list[tuple[int, dict]]:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = content.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes nearly anything
        raise ImportFileError(_("The file is not UTF-8 or GB18030 text."))
    try:
        reader = csv.reader(io.StringIO(text, newline=""))
        header = next(reader, None)
        _check_header(header)
        rows = []
        for record in reader:
            if not any(cell.strip() for cell in record):
                continue
            rows.append((reader.line_num, _row(header, record)))
            if len(rows) > MAX_ROWS:
                raise ImportFileError(_("A file may hold at most %(n)d rows.") % {"n": MAX_ROWS})
        return rows
    except csv.Error as exc:
        raise ImportFileError(_("The CSV file is malformed: %(error)s") % {"error": exc}) from exc


def _read_xlsx(content: bytes) -> list[tuple[int, dict]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise ImportFileError(_("The file is not a readable XLSX workbook.")) from exc
    sheet = workbook.worksheets[0]
    lines = sheet.iter_rows(values_only=True)
    first = next(lines, None)
    header = ["" if v is None else str(v) for v in (first or [])]
    _check_header(header)
    rows = []
    for number, values in enumerate(lines, start=2):
        record = ["" if v is None else str(v) for v in values]
        if any(cell.strip() for cell in record):
            rows.append((number, _row(header, record)))
        if len(rows) > MAX_ROWS:
            raise ImportFileError(_("A file may hold at most %(n)d rows.") % {"n": MAX_ROWS})
    workbook.close()
    return rows


def _check_header(header) -> None:
    if not header:
        raise ImportFileError(_("The file is empty: the first line must name the columns."))
    names = [h.strip().lower() for h in header]
    missing = [c for c in REQUIRED if c not in names]
    if missing:
        raise ImportFileError(
            _("Missing columns: %(missing)s. Expected: %(expected)s.")
            % {"missing": ", ".join(missing), "expected": ",".join(COLUMNS)}
        )
    header[:] = names


def _row(header: list[str], record: list[str]) -> dict:
    row = {name: (record[i].strip() if i < len(record) else "") for i, name in enumerate(header)}
    if len(record) > len(header) and any(cell.strip() for cell in record[len(header) :]):
        row["__extra__"] = True
    return row


def _unit_lookup() -> dict[str, Unit]:
    lookup = {}
    for unit in Unit.objects.all():
        for key in (unit.name, unit.short_name, unit.slug):
            if key:
                lookup.setdefault(key, unit)
    return lookup


def validate(rows: list[tuple[int, dict]]) -> tuple[list[tuple[int, dict]], list[RowError], list[RowError]]:
    good, errors, warnings = [], [], []
    seen: dict[str, int] = {}
    units = _unit_lookup()
    for line, row in rows:
        problems = []
        if row.get("__extra__"):
            problems.append(_("more cells than columns (a “,” inside a cell must be quoted)"))
        for column in REQUIRED:
            if not row.get(column):
                problems.append(_("“%(column)s” is empty") % {"column": column})
        external_id = row.get("id", "")
        if len(external_id) > 64:
            problems.append(_("the id is longer than 64 characters"))
        if len(row.get("question", "")) > 300:
            problems.append(_("the question is longer than 300 characters"))
        if external_id in seen:
            problems.append(
                _("id “%(id)s” already used on line %(line)d")
                % {"id": external_id, "line": seen[external_id]}
            )
        bad_urls = invalid_source_urls(row.get("source_url", ""))
        if bad_urls:
            problems.append(
                _("source links must start with http://, https:// or /: %(urls)s")
                % {"urls": ", ".join(bad_urls)}
            )
        if problems:
            errors.append(RowError(line, "; ".join(problems)))
            continue
        seen[external_id] = line
        unit_name = row.get("unit", "")
        row["__unit__"] = units.get(unit_name)
        if unit_name and row["__unit__"] is None:
            warnings.append(
                RowError(line, _("unit “%(unit)s” is not in the system; kept as text") % {"unit": unit_name})
            )
        good.append((line, row))
    return good, errors, warnings


def import_rows(
    rows: list[tuple[int, dict]], *, skip_errors: bool = False, status: str = ReviewStatus.APPROVED
) -> ImportResult:
    """Create or update entries by their ``id``; nothing is written if any row is bad (unless skipping)."""
    good, errors, warnings = validate(rows)
    result = ImportResult(errors=errors, warnings=warnings)
    if errors and not skip_errors:
        return result
    existing = {e.external_id: e for e in Entry.objects.filter(external_id__in=[r["id"] for _l, r in good])}
    to_create, to_update = [], []
    for _line, row in good:
        values = {
            "question": row["question"],
            "variants": "\n".join(split_variants(row.get("variants", ""))),
            "answer": clean_answer(row["answer"]),
            "category": row.get("category", "")[:100],
            "unit_id": row["__unit__"].pk if row["__unit__"] else None,
            "unit_name": "" if row["__unit__"] else row.get("unit", "")[:200],
            "sources": "\n".join(_source_line(s) for s in parse_sources(row.get("source_url", ""))),
        }
        entry = existing.get(row["id"])
        if entry is None:
            to_create.append(Entry(external_id=row["id"], status=status, origin=Origin.IMPORT, **values))
        elif any(getattr(entry, k) != v for k, v in values.items()) or entry.status != status:
            for key, value in values.items():
                setattr(entry, key, value)
            entry.status = status
            to_update.append(entry)
        else:
            result.unchanged += 1
    with transaction.atomic():
        Entry.objects.bulk_create(to_create, batch_size=1000)
        fields = ["question", "variants", "answer", "category", "unit", "unit_name", "sources", "status"]
        Entry.objects.bulk_update(to_update, fields, batch_size=1000)
        if to_create or to_update:
            bump_version()
    result.created, result.updated, result.loaded = len(to_create), len(to_update), True
    return result


def _source_line(source: dict) -> str:
    return source["url"] if source["title"] == source["url"] else f"{source['title']} {source['url']}"


def import_file(path: str | Path, **kwargs) -> ImportResult:
    path = Path(path)
    return import_rows(read_rows(path.read_bytes(), path.name), **kwargs)


# --- export -------------------------------------------------------------------------------


def export_rows(queryset=None) -> list[list[str]]:
    queryset = Entry.objects.all() if queryset is None else queryset
    rows = [COLUMNS]
    for entry in queryset.select_related("unit").order_by("external_id"):
        rows.append(
            [
                entry.external_id,
                entry.question,
                "|".join(entry.variant_list),
                entry.answer,
                entry.category,
                entry.unit.name if entry.unit else entry.unit_name,
                "|".join(_source_line(s) for s in entry.source_list),
            ]
        )
    return rows


def export_csv(queryset=None) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(export_rows(queryset))
    return buffer.getvalue().encode("utf-8-sig")


def export_xlsx(queryset=None) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("entries")
    for row in export_rows(queryset):
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
