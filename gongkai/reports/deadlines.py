"""Statutory publication dates of annual reports and reminders before them (§1.7).

- Units (county-level departments, townships and street offices): by 31 January (art. 49; the format
  text: 乡镇人民政府 follow the rule for county departments).
- The county-level authority's summary of its units: by 20 February (format text).
- The district government's own report: by 31 March (art. 49).
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone

from gongkai.organizations.models import Membership, Role, Unit, UnitKind

from .models import AnnualReport, ReminderLog, ReportKind, ReportStatus

DEADLINES = {ReportKind.UNIT: (1, 31), ReportKind.DISTRICT_SUMMARY: (2, 20), ReportKind.GOVERNMENT: (3, 31)}
REMINDER_DAYS = (14, 7, 3, 1)


def deadline(kind: str, year: int) -> datetime.date:
    """The last day to publish the report on ``year`` (in the following year)."""
    month, day = DEADLINES[kind]
    return datetime.date(year + 1, month, day)


@dataclass
class DeadlineRow:
    unit: Unit
    kind: str
    due: datetime.date
    report: AnnualReport | None

    @property
    def kind_label(self) -> str:
        return str(ReportKind(self.kind).label)

    @property
    def published_on(self):
        if self.report and self.report.published_at:
            return timezone.localtime(self.report.published_at).date()
        return None

    @property
    def state(self) -> str:
        if self.published_on:
            return "on_time" if self.published_on <= self.due else "late"
        return "missing" if timezone.localdate() > self.due else "open"

    @property
    def days_left(self) -> int:
        return (self.due - timezone.localdate()).days


def expected_reports(year: int) -> list[tuple[Unit, str]]:
    """Which reports the district expects for ``year``: every active unit, the summary and the government's."""
    expected = []
    for unit in Unit.objects.active().order_by("sort_order", "name"):
        if unit.kind == UnitKind.DISTRICT_GOVERNMENT:
            expected += [(unit, ReportKind.DISTRICT_SUMMARY), (unit, ReportKind.GOVERNMENT)]
        else:
            expected.append((unit, ReportKind.UNIT))
    return expected


def dashboard(year: int) -> list[DeadlineRow]:
    reports = {(r.unit_id, r.kind): r for r in AnnualReport.objects.filter(year=year)}
    return [
        DeadlineRow(unit, kind, deadline(kind, year), reports.get((unit.pk, kind)))
        for unit, kind in expected_reports(year)
    ]


def send_due_reminders(today: datetime.date | None = None) -> list[ReminderLog]:
    """E-mail the editors and reviewers of units whose report is not published, 14/7/3/1 days before."""
    today = today or timezone.localdate()
    sent = []
    for year in (today.year - 1,):
        for row in dashboard(year):
            days = (row.due - today).days
            if days not in REMINDER_DAYS or (row.report and row.report.status == ReportStatus.PUBLISHED):
                continue
            if ReminderLog.objects.filter(unit=row.unit, year=year, kind=row.kind, days_before=days).exists():
                continue
            roles = [Role.UNIT_EDITOR, Role.UNIT_REVIEWER]
            if row.kind != ReportKind.UNIT:
                roles.append(Role.OFFICE_ADMIN)
            emails = sorted(
                set(
                    Membership.objects.active()
                    .filter(unit=row.unit, role__in=roles)
                    .exclude(user__email="")
                    .values_list("user__email", flat=True)
                )
            )
            if row.kind != ReportKind.UNIT:
                emails = sorted(
                    set(emails)
                    | set(
                        Membership.objects.active()
                        .filter(role=Role.OFFICE_ADMIN)
                        .exclude(user__email="")
                        .values_list("user__email", flat=True)
                    )
                )
            if emails:
                send_mail(
                    f"【提醒】{row.unit.name}{year}年政府信息公开工作年度报告须于{row.due:%Y年%m月%d日}前公开",
                    f"距法定公开期限还有{days}天。当前状态：{row.report.get_status_display() if row.report else '尚未起草'}。",
                    settings.DEFAULT_FROM_EMAIL,
                    emails,
                )
            sent.append(
                ReminderLog.objects.create(
                    unit=row.unit, year=year, kind=row.kind, days_before=days, recipients=",".join(emails)
                )
            )
    return sent
