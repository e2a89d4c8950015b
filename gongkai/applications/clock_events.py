"""Actions that stop, resume or extend the statutory clock (Regulations art. 30, 32–34; fee measures).

Each action checks the rule, writes a ``ClockSegment`` and a domain event, refreshes the cached due
date and issues the notice the law requires (correction notice, consultation letter, extension notice).
Permissions are checked here, not only in views: the screens and the API call the same functions.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.audit import record_event
from gongkai.organizations.permissions import Action, can, require
from gongkai.workdays.calendar import WorkdayCalendar

from . import clock, letters
from .models import Application, ClockSegment, LetterKind, SegmentKind, Status

CONSULTATION_KINDS = clock.CONSULTATION_KINDS


def refresh(application: Application, today: dt.date | None = None) -> clock.ClockState:
    """Recompute the clock and store the due date on the case (for lists and reminders)."""
    state = clock.compute(application, today=today)
    if application.due_on != state.due_date:
        Application.objects.filter(pk=application.pk).update(due_on=state.due_date)
        application.due_on = state.due_date
    return state


def refresh_open_cases(sender=None, **kwargs) -> int:
    """Recompute the cached due date of every open case (e.g. once next year's holidays are entered)."""
    changed = 0
    for app in Application.objects.open().received().prefetch_related("clock_segments"):
        before = app.due_on
        if refresh(app).due_date != before:
            changed += 1
    return changed


def _lock(application: Application) -> Application:
    return Application.objects.select_for_update().get(pk=application.pk)


def _check_open_and_running(app: Application, on: dt.date, *, parallel_consultation: bool = False) -> None:
    if app.is_closed:
        raise ValidationError(_("This case is closed."))
    if app.received_on is None:
        raise ValidationError(_("Confirm the date of receipt first (art. 31)."))
    if on < app.received_on:
        raise ValidationError(
            _("The date cannot be before the date of receipt (%(date)s).") % {"date": app.received_on}
        )
    if on > timezone.localdate():
        raise ValidationError(_("The date cannot be in the future."))
    stop = clock.current_stop(app)
    if stop is not None and parallel_consultation and stop.kind in CONSULTATION_KINDS:
        # Arts. 32 and 34 allow consulting a third party and another agency at the same time.
        stop = app.clock_segments.filter(ended_on__isnull=True).exclude(kind__in=CONSULTATION_KINDS).first()
    if stop is not None:
        raise ValidationError(
            _("The clock is already stopped (%(kind)s since %(date)s). End that stop first.")
            % {"kind": stop.get_kind_display(), "date": stop.started_on}
        )
    last = (
        app.clock_segments.exclude(ended_on=None)
        .exclude(kind=SegmentKind.EXTENSION)
        .order_by("-ended_on")
        .first()
    )
    if (
        last is not None
        and on < last.ended_on
        and not (parallel_consultation and last.kind in CONSULTATION_KINDS)
    ):
        raise ValidationError(
            _("The date cannot be before the end of the previous stop (%(date)s).") % {"date": last.ended_on}
        )


def _set_status(app: Application, status: str) -> None:
    if app.status != status:
        app.status = status
        app.save(update_fields=["status", "updated_at"])


@transaction.atomic
def request_correction(
    application: Application,
    actor,
    *,
    notice_on: dt.date,
    items: str,
    period_working_days: int = clock.DEFAULT_CORRECTION_PERIOD,
    longer_reason: str = "",
) -> ClockSegment:
    """Art. 30: tell the applicant once, within 7 working days of receipt, what to correct and by when."""
    app = _lock(application)
    require(actor, Action.HANDLE_CASE, app.handling_unit)
    _check_open_and_running(app, notice_on)
    if not items.strip():
        raise ValidationError(_("State what needs to be corrected (art. 30)."))
    if app.clock_segments.filter(kind=SegmentKind.CORRECTION).exists():
        raise ValidationError(_("A correction may be requested only once (art. 30: 一次性告知)."))
    calendar = WorkdayCalendar()
    deadline = clock.correction_notice_deadline(app.received_on, calendar)
    if notice_on > deadline:
        raise ValidationError(
            _("The correction notice had to go out within 7 working days of receipt, by %(date)s (art. 30).")
            % {"date": deadline}
        )
    if period_working_days < 1 or period_working_days > clock.MAX_CORRECTION_PERIOD:
        raise ValidationError(
            _("Give a correction period of 1 to %(max)s working days.") % {"max": clock.MAX_CORRECTION_PERIOD}
        )
    if period_working_days > clock.DEFAULT_CORRECTION_PERIOD and not longer_reason.strip():
        raise ValidationError(
            _(
                "A correction period is generally at most 15 working days; state why this applicant needs longer."
            )
        )
    segment = ClockSegment.objects.create(
        application=app,
        kind=SegmentKind.CORRECTION,
        started_on=notice_on,
        expected_end_on=calendar.add_working_days(notice_on, period_working_days).end,
        reason=items
        if not longer_reason.strip()
        else f"{items}\n{_('Longer period because')}: {longer_reason}",
    )
    _set_status(app, Status.CORRECTION)
    record_event(
        app, "correction_requested", actor=actor, changes={"status": ["", Status.CORRECTION]}, message=items
    )
    refresh(app)
    letters.issue(app, LetterKind.CORRECTION, actor=actor, issued_on=segment.started_on, segment=segment)
    return segment


@transaction.atomic
def receive_correction(
    application: Application, actor, *, received_on: dt.date, note: str = ""
) -> ClockSegment:
    """Art. 30: "答复期限自行政机关收到补正的申请之日起计算" — the period restarts on this date."""
    app = _lock(application)
    require(actor, Action.HANDLE_CASE, app.handling_unit)
    segment = _open_stop(app, {SegmentKind.CORRECTION}, _("No correction is awaited on this case."))
    _end(segment, received_on)
    _set_status(app, Status.IN_PROGRESS)
    record_event(
        app,
        "correction_received",
        actor=actor,
        changes={"clock_restarts_on": ["", received_on]},
        message=note,
    )
    refresh(app)
    return segment


@transaction.atomic
def start_consultation(
    application: Application,
    actor,
    *,
    kind: str,
    party: str,
    sent_on: dt.date,
    reason: str = "",
    party_contact: str = "",
    party_received_on: dt.date | None = None,
) -> ClockSegment:
    """Art. 32 (third party) and 34 (other agency): consult in writing; the answer is due in 15 working days."""
    app = _lock(application)
    require(actor, Action.HANDLE_CASE, app.handling_unit)
    if kind not in CONSULTATION_KINDS:
        raise ValidationError(_("Choose a third party or another agency."))
    kind = SegmentKind(kind)
    if not party.strip():
        raise ValidationError(_("Name the party consulted."))
    _check_open_and_running(app, sent_on, parallel_consultation=True)
    _check_party_receipt(sent_on, party_received_on)
    segment = ClockSegment.objects.create(
        application=app,
        kind=kind,
        started_on=sent_on,
        party_received_on=party_received_on,
        expected_end_on=clock.consultation_answer_due(party_received_on or sent_on),
        party=party,
        party_contact=party_contact.strip()[:200],
        reason=reason,
    )
    _set_status(app, Status.CONSULTATION)
    record_event(app, "consultation_started", actor=actor, changes={"party": ["", party]}, message=reason)
    refresh(app)
    letters.issue(app, segment.kind, actor=actor, issued_on=segment.started_on, segment=segment)
    return segment


@transaction.atomic
def end_consultation(
    application: Application, actor, *, answered_on: dt.date, answer: str = "", segment_id: int | None = None
) -> ClockSegment:
    """Art. 32–34: the answer (or silence after 15 working days) ends the excluded time of that party."""
    app = _lock(application)
    require(actor, Action.HANDLE_CASE, app.handling_unit)
    segment = _open_consultation(app, segment_id)
    _end(segment, answered_on, answer)
    if not app.clock_segments.filter(kind__in=CONSULTATION_KINDS, ended_on__isnull=True).exists():
        _set_status(app, Status.IN_PROGRESS)
    record_event(
        app, "consultation_ended", actor=actor, changes={"answered_on": ["", answered_on]}, message=answer
    )
    refresh(app)
    return segment


@transaction.atomic
def extend(
    application: Application, actor, *, approved_on: dt.date, working_days: int, reason: str
) -> ClockSegment:
    """Art. 33 ¶2: extension approved by the head of the disclosure office, applicant told; at most 20 more working days."""
    app = _lock(application)
    require(actor, Action.HANDLE_CASE, app.handling_unit)
    if not can(actor, Action.APPROVE_EXTENSION, app.handling_unit_id):
        raise PermissionDenied(
            _(
                "Only the head of the handling unit's own disclosure office can approve an extension (art. 33)."
            )
        )
    if app.is_closed or app.received_on is None:
        raise ValidationError(_("Only an open case with a date of receipt can be extended."))
    if not reason.strip():
        raise ValidationError(_("Give the reason for the extension (art. 33)."))
    if approved_on < app.received_on:
        raise ValidationError(
            _("The extension cannot be approved before the date of receipt (%(date)s).")
            % {"date": app.received_on}
        )
    if approved_on > timezone.localdate():
        raise ValidationError(_("The date cannot be in the future."))
    granted = clock.extension_days_granted(app)
    if working_days < 1 or granted + working_days > clock.MAX_EXTENSION_WORKING_DAYS:
        raise ValidationError(
            _("An extension may add at most 20 working days in all (art. 33); %(left)s remain.")
            % {"left": clock.MAX_EXTENSION_WORKING_DAYS - granted}
        )
    state = clock.compute(app, today=approved_on)
    if state.due_date and approved_on > state.due_date and not state.provisional:
        raise ValidationError(
            _("The period ended on %(date)s; an extension must be approved before it ends.")
            % {"date": state.due_date}
        )
    segment = ClockSegment.objects.create(
        application=app,
        kind=SegmentKind.EXTENSION,
        started_on=approved_on,
        extra_working_days=working_days,
        reason=reason,
        approved_by=actor,
    )
    record_event(
        app,
        "extended",
        actor=actor,
        changes={"extension_working_days": [granted, granted + working_days]},
        message=reason,
    )
    refresh(app)
    letters.issue(app, LetterKind.EXTENSION, actor=actor, issued_on=segment.started_on, segment=segment)
    return segment


def _check_party_receipt(sent_on: dt.date, received_on: dt.date | None) -> None:
    if received_on is not None and (received_on < sent_on or received_on > timezone.localdate()):
        raise ValidationError(_("The party receives the request between the day it is sent and today."))


def _open_consultation(app: Application, segment_id: int | None) -> ClockSegment:
    open_ones = app.clock_segments.filter(kind__in=CONSULTATION_KINDS, ended_on__isnull=True)
    if segment_id is not None:
        open_ones = open_ones.filter(pk=segment_id)
    found = list(open_ones[:2])
    if not found:
        raise ValidationError(_("No consultation is open on this case."))
    if len(found) > 1:
        raise ValidationError(_("Several consultations are open: say which one was answered."))
    return found[0]


@transaction.atomic
def record_party_receipt(application: Application, actor, *, segment_id: int | None, received_on: dt.date):
    """Art. 32/34: the day the consulted party received the request; its 15 working days run from then."""
    app = _lock(application)
    require(actor, Action.HANDLE_CASE, app.handling_unit)
    segment = _open_consultation(app, segment_id)
    _check_party_receipt(segment.started_on, received_on)
    before = segment.party_received_on
    segment.party_received_on = received_on
    segment.expected_end_on = clock.consultation_answer_due(received_on)
    segment.save(update_fields=["party_received_on", "expected_end_on"])
    record_event(
        app, "consultation_received", actor=actor,
        changes={"party_received_on": [before, received_on]}, message=segment.party,
    )  # fmt: skip
    refresh(app)
    return segment


def _open_stop(app: Application, kinds, message) -> ClockSegment:
    segment = app.clock_segments.filter(kind__in=kinds, ended_on__isnull=True).first()
    if segment is None:
        raise ValidationError(message)
    return segment


def _end(segment: ClockSegment, on: dt.date, note: str = "") -> None:
    if on < segment.started_on:
        raise ValidationError(_("The date cannot be before %(date)s.") % {"date": segment.started_on})
    if on > timezone.localdate():
        raise ValidationError(_("The date cannot be in the future."))
    segment.ended_on = on
    if note:
        segment.reason = f"{segment.reason}\n{note}".strip()
    segment.save(update_fields=["ended_on", "reason"])


@transaction.atomic
def set_reasonable_deadline(
    application: Application, actor, *, decided_on: dt.date, deadline_on: dt.date, reason: str
) -> Application:
    """Art. 35: "申请理由合理，但是无法在本条例第三十三条规定的期限内答复申请人的，可以确定延迟答复的合理期限并告知申请人"."""
    app = _lock(application)
    require(actor, Action.HANDLE_CASE, app.handling_unit)
    if app.is_closed or app.received_on is None:
        raise ValidationError(_("Only an open case with a date of receipt can get a later deadline."))
    if not reason.strip():
        raise ValidationError(
            _("State why the requests exceed a reasonable range and why more time is needed (art. 35).")
        )
    if decided_on < app.received_on or decided_on > timezone.localdate():
        raise ValidationError(_("The decision is dated between the date of receipt and today."))
    state = clock.compute(app, today=decided_on)
    if state.due_date and decided_on > state.due_date and not state.due_date_provisional:
        raise ValidationError(
            _("The period ended on %(date)s; fix the later deadline before it ends.")
            % {"date": state.due_date}
        )
    if state.due_date and deadline_on <= state.due_date:
        raise ValidationError(
            _("A later deadline must be after the statutory one (%(date)s).") % {"date": state.due_date}
        )
    before = app.reasonable_deadline_on
    app.reasonable_deadline_on, app.reasonable_deadline_reason = deadline_on, reason.strip()
    app.save(update_fields=["reasonable_deadline_on", "reasonable_deadline_reason", "updated_at"])
    record_event(
        app, "reasonable_deadline_set", actor=actor, changes={"reasonable_deadline_on": [before, deadline_on]},
        message=reason,
    )  # fmt: skip
    refresh(app)
    letters.issue(app, LetterKind.DEADLINE, actor=actor, issued_on=decided_on)
    return app
