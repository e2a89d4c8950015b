"""Check reports written elsewhere: read each file, validate it, and say what is wrong.

Used by ``manage.py annual_report check`` and by the staff import screen. When several files of the
same agency for consecutive years are checked together, the cross-year rules (§1.6 item 6, §1.3) run
between them.
"""

from pathlib import Path

from .importers.json import ImportFailed, load_file
from .tables.data import ReportData
from .validation import Finding, ValidationResult, validate


def check_data(data: ReportData, import_findings: list[Finding], previous: ReportData | None = None) -> dict:
    result = ValidationResult(list(import_findings))
    result.extend(validate(data, previous).findings)
    return outcome(data.agency, data.year, result)


def outcome(agency, year, result: ValidationResult, **extra) -> dict:
    return {
        "agency": agency,
        "year": year,
        "valid": result.valid,
        "errors": [f.as_dict() for f in result.errors],
        "warnings": [f.as_dict() for f in result.warnings],
        **extra,
    }


def check_files(paths: list[str | Path]) -> list[dict]:
    loaded: list[tuple[Path, ReportData | None, list[Finding]]] = []
    for path in paths:
        try:
            data, findings = load_file(path)
        except ImportFailed as failure:
            loaded.append((Path(path), None, failure.findings))
            continue
        loaded.append((Path(path), data, findings))
    by_agency_year = {(d.agency, d.year): d for _p, d, _f in loaded if d is not None and d.agency and d.year}
    results = []
    for path, data, findings in loaded:
        if data is None:
            results.append(outcome(None, None, ValidationResult(findings), file=str(path)))
            continue
        previous = by_agency_year.get((data.agency, data.year - 1)) if data.year else None
        results.append({**check_data(data, findings, previous), "file": str(path)})
    return results
