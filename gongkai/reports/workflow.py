"""Review and approval before publishing (format 2021: "各政府信息公开工作主管部门应当加强对年度报告的审核把关").

draft → submitted (unit editor) → approved (unit reviewer; for the district's reports, the disclosure
office) → published (the disclosure office or the unit reviewer). A reviewer may return a submitted
report to draft with a note. Each step is a domain event in the audit log.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.audit import record_event
from gongkai.organizations import permissions
from gongkai.organizations.permissions import Action

from .assembly import check_report, freeze
from .models import AnnualReport, ReportKind, ReportStatus


def _require(user, action, report):
    if (
        report.kind != ReportKind.UNIT
        and action != Action.EDIT_CONTENT
        and not permissions.is_office_admin(user)
    ):
        raise PermissionDenied(_("Only the disclosure office approves and publishes the district's reports."))
    permissions.require(user, action, report.unit)


def _move(report, user, to, event, **changes):
    before = report.status
    report.status = to
    for field, value in changes.items():
        setattr(report, field, value)
    report.save()
    record_event(report, event, actor=user, changes={"status": [before, to]})


@transaction.atomic
def submit(report: AnnualReport, user) -> None:
    _require(user, Action.EDIT_CONTENT, report)
    if report.status != ReportStatus.DRAFT:
        raise ValidationError(_("Only a draft can be submitted."))
    result = check_report(report)
    if not result.valid:
        raise ValidationError(
            _("The report has errors; correct them first: %(rules)s")
            % {"rules": ", ".join(sorted({f.rule for f in result.errors}))}
        )
    _move(
        report,
        user,
        ReportStatus.SUBMITTED,
        "report_submitted",
        submitted_at=timezone.now(),
        submitted_by=user,
    )


@transaction.atomic
def return_for_changes(report: AnnualReport, user, note: str) -> None:
    _require(user, Action.REVIEW_CONTENT, report)
    if report.status != ReportStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted report can be returned."))
    _move(report, user, ReportStatus.DRAFT, "report_returned", review_note=note)


@transaction.atomic
def approve(report: AnnualReport, user) -> None:
    _require(user, Action.REVIEW_CONTENT, report)
    if report.status != ReportStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted report can be approved."))
    if report.submitted_by_id == user.pk and not permissions.is_office_admin(user):
        raise PermissionDenied(_("A report is approved by someone other than the person who submitted it."))
    freeze(report)
    _move(
        report, user, ReportStatus.APPROVED, "report_approved", approved_at=timezone.now(), approved_by=user
    )


@transaction.atomic
def publish(report: AnnualReport, user):
    """Publish the approved report as a page in the portal's annual-report column."""
    from .publication import publish_page

    _require(user, Action.REVIEW_CONTENT, report)
    if report.status != ReportStatus.APPROVED:
        raise ValidationError(_("Only an approved report can be published."))
    page = publish_page(report, user)
    _move(report, user, ReportStatus.PUBLISHED, "report_published", published_at=timezone.now())
    return page
