"""Creating reports: computed ones start with sections 一 and 六 drafted; entered ones hold the tables."""

from django.db import transaction

from gongkai.organizations import permissions
from gongkai.organizations.permissions import Action

from .assembly import compute_data, default_title
from .drafting import draft_other_matters, draft_overview
from .formats import format_for_year
from .models import AnnualReport, ReportOrigin
from .tables.data import ReportData


def prepare(report: AnnualReport) -> AnnualReport:
    """Fill what the system can: format, title and, for a computed report, drafts of 一 and 六."""
    report.format = report.format or format_for_year(report.year)
    report.title = report.title or default_title(report.unit, report.year)
    if report.origin == ReportOrigin.COMPUTED:
        ids = report.unit_ids()
        if not report.overview:
            report.overview = draft_overview(
                report.unit.name, ids, compute_data(ids, report.year, report.format)
            )
        if not report.other_matters and report.format == "2021":
            report.other_matters = draft_other_matters(ids, report.year)
    return report


@transaction.atomic
def create_report(user=None, **fields) -> AnnualReport:
    report = AnnualReport(**fields)
    if user is not None:
        permissions.require(user, Action.EDIT_CONTENT, report.unit)
    prepare(report)
    report.full_clean()
    report.save()
    return report


@transaction.atomic
def save_entered(unit, data: ReportData, *, user=None, source_url: str = "", kind="unit") -> AnnualReport:
    """Keep a report written elsewhere (imported JSON or HTML) for checking and comparison."""
    if user is not None:
        permissions.require(user, Action.EDIT_CONTENT, unit)
    report, _ = AnnualReport.objects.update_or_create(
        unit=unit,
        year=data.year,
        kind=kind,
        defaults={
            "origin": ReportOrigin.ENTERED,
            "format": data.format,
            "title": default_title(unit, data.year),
            "entered_tables": data.to_json(),
            "overview": data.narrative.get("overview", ""),
            "source_url": source_url,
        },
    )
    return report
