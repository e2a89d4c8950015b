"""Daily deadline reminders (art. 33): refresh cached due dates, e-mail each unit's handlers and the office."""

from collections import defaultdict

from django.conf import settings
from django.core.mail import send_mass_mail
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from gongkai.organizations.models import Membership, Role
from gongkai.workdays.calendar import WorkdayCalendar

from . import clock
from .inbox import due_soon_limit
from .models import Application
from .receipt import REMIND_UNCONFIRMED_AFTER_WORKING_DAYS


def send_reminders(today=None) -> int:
    """E-mail the cases due within 5 working days or overdue; returns the number of e-mails sent."""
    today = today or timezone.localdate()
    limit = due_soon_limit(today)
    by_unit = defaultdict(list)
    for app in (
        Application.objects.open()
        .received()
        .select_related("handling_unit")
        .prefetch_related("clock_segments")
    ):
        state = clock.compute(app, today=today)
        if app.due_on != state.due_date:
            Application.objects.filter(pk=app.pk).update(due_on=state.due_date)
        # A date on a not-yet-entered holiday arrangement is still reminded about (marked provisional);
        # a stopped clock is not: nothing is running out.
        if state.due_date and state.due_date <= limit and not state.provisional:
            by_unit[app.handling_unit].append((app, state))
    # Art. 31(二)(三): applications that arrived but whose receipt is not yet confirmed have no clock;
    # they are reminded about so a confirmation never lags silently.
    calendar = WorkdayCalendar()
    for app in Application.objects.open().filter(received_on__isnull=True).select_related("handling_unit"):
        arrived = app.arrived_on or app.submitted_on
        if (
            calendar.working_days_between(arrived, today).working_days
            >= REMIND_UNCONFIRMED_AFTER_WORKING_DAYS
        ):
            by_unit[app.handling_unit].append((app, None))
    messages = []
    with translation.override("zh-hans"):
        office = _emails(Membership.objects.active().filter(role=Role.OFFICE_ADMIN))
        everything = []
        for unit, rows in by_unit.items():
            rows = sorted(
                rows, key=lambda r: r[1].due_date if r[1] else (r[0].arrived_on or r[0].submitted_on)
            )
            lines = [_line(app, state, today) for app, state in rows]
            everything += [f"{unit.name}: {line}" for line in lines]
            handlers = _emails(Membership.objects.active().filter(unit=unit, role=Role.UNIT_CASE_HANDLER))
            if handlers:
                messages.append((_("Applications due soon or overdue: %(u)s") % {"u": unit.name}, "\n".join(lines),
                                 settings.DEFAULT_FROM_EMAIL, handlers))  # fmt: skip
        if office and everything:
            messages.append(
                (
                    _("Applications due soon or overdue"),
                    "\n".join(everything),
                    settings.DEFAULT_FROM_EMAIL,
                    office,
                )
            )
    return send_mass_mail(messages, fail_silently=False) if messages else 0


def _line(app, state, today) -> str:
    if state is None:
        arrived = app.arrived_on or app.submitted_on
        return f"{app.tracking_number} · {_('receipt not confirmed')} · {_('arrived')} {arrived:%Y-%m-%d}"
    flag = _("overdue") if state.due_date < today else _("due soon")
    line = f"{app.tracking_number} · {flag} · {state.due_date:%Y-%m-%d} · {app.get_status_display()}"
    return f"{line} · {_('provisional date')}" if state.calendar_provisional else line


def _emails(memberships) -> list[str]:
    return sorted({m.user.email for m in memberships.select_related("user") if m.user.email})
