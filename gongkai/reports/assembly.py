"""Put a report's figures together: live from the records, from the approved snapshot, or as entered.

Reports read records and never write them. ``report_data`` is the one place that decides where a
report's figures come from; the validator, the pages and every export use it.
"""

from django.utils import timezone

from gongkai.organizations.models import Unit

from .formats import format_for_year
from .importers.json import parse
from .models import AnnualReport, ReportOrigin
from .tables.data import ReportData
from .tables.table2 import compute_table2
from .tables.table3 import compute_table3
from .tables.table4 import compute_table4
from .validation import ValidationResult, validate


def compute_data(unit_ids, year: int, fmt: str | None = None, agency: str = "") -> ReportData:
    """Tables II–IV for ``unit_ids`` and ``year``, computed from the records."""
    fmt = fmt or format_for_year(year)
    table2, _sources = compute_table2(unit_ids, year, fmt)
    return ReportData(
        agency=agency,
        year=year,
        format=fmt,
        table2=table2,
        table3=compute_table3(unit_ids, year, fmt),
        table4=compute_table4(unit_ids, year),
    )


def report_data(report: AnnualReport) -> ReportData:
    if report.snapshot is not None:
        data, _findings = parse(report.snapshot)
    elif report.origin == ReportOrigin.ENTERED:
        data, _findings = parse(report.entered_tables or {"table3": {}, "table4": {}})
        data.year, data.format = report.year, report.format
    else:
        data = compute_data(report.unit_ids(), report.year, report.format)
    data.agency = report.unit.name
    data.narrative = {"overview": report.overview} if report.overview else {}
    return data


def previous_data(report: AnnualReport) -> ReportData | None:
    """Last year's report of the same unit and kind, for the cross-year rules; computed if none."""
    previous = AnnualReport.objects.filter(unit=report.unit, kind=report.kind, year=report.year - 1).first()
    if previous is not None:
        data = report_data(previous)
        data.narrative = {}
        return data
    if report.origin == ReportOrigin.COMPUTED and report.year - 1 >= 2019:
        return compute_data(report.unit_ids(), report.year - 1, agency=report.unit.name)
    return None


def check_report(report: AnnualReport) -> ValidationResult:
    return validate(report_data(report), previous_data(report))


def freeze(report: AnnualReport) -> None:
    """Keep the figures as approved: the published report never changes afterwards."""
    data = report_data(report)
    report.snapshot = data.to_json()
    report.snapshot["frozen_at"] = timezone.now().isoformat()


def default_title(unit: Unit, year: int) -> str:
    return f"{unit.name}{year}年政府信息公开工作年度报告"
