"""The statutory clock of an application, derived from its dated segments.

Rules (domain-rules.md §3.2):

- Art. 33: reply within 20 working days of receipt; an extension approved by the head of the
  disclosure office adds at most 20 working days; time spent consulting third parties and other
  agencies is not counted.
- Art. 30: the correction notice goes out within 7 working days of receipt; the reply period is counted
  afresh from receipt of the corrected application.
- Art. 32, 34: the consulted party answers within 15 working days of receiving the request; the
  exclusion therefore lasts at most that long.
- 国办函〔2020〕109号 with Sichuan's implementing notice: the fee is paid within 20 working days counted
  from the day after the notice; the time is excluded (domain-rules.md marks this ❓, we exclude it).
- Civil Code art. 201: the start day is not counted. A stop covers the days after its start up to and
  including its end; a running segment likewise.

Only stops and extensions are stored (``ClockSegment``); running segments are the gaps between them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.workdays.calendar import CalendarNotCovered, WorkdayCalendar, provisional_notice

from .models import STOP_KINDS, SegmentKind

REPLY_WORKING_DAYS = 20  # art. 33 ¶1
MAX_EXTENSION_WORKING_DAYS = 20  # art. 33 ¶2
CORRECTION_NOTICE_WORKING_DAYS = 7  # art. 30
DEFAULT_CORRECTION_PERIOD = 15  # S4: "一般不超过15个工作日" — a default; longer with a stated reason
MAX_CORRECTION_PERIOD = 60  # a plausibility bound on "generally", not a legal limit
CONSULTATION_WORKING_DAYS = 15  # art. 32, 34
FEE_PAYMENT_WORKING_DAYS = 20  # fee measures, Sichuan notice
CAPPED_STOPS = {SegmentKind.THIRD_PARTY, SegmentKind.OTHER_AGENCY, SegmentKind.FEE}
CONSULTATION_KINDS = {SegmentKind.THIRD_PARTY, SegmentKind.OTHER_AGENCY}


@dataclass
class Segment:
    kind: str
    started_on: dt.date
    ended_on: dt.date | None
    working_days: int  # counted (running) or excluded (stops)
    expected_end_on: dt.date | None = None
    extra_working_days: int = 0
    reason: str = ""
    party: str = ""
    restarts: bool = False
    segment_id: int | None = None

    @property
    def label(self) -> str:
        return str(SegmentKind(self.kind).label)

    def as_dict(self) -> dict:
        return {
            "id": self.segment_id,
            "kind": self.kind,
            "label": self.label,
            "started_on": self.started_on.isoformat(),
            "ended_on": self.ended_on.isoformat() if self.ended_on else None,
            "expected_end_on": self.expected_end_on.isoformat() if self.expected_end_on else None,
            "working_days": self.working_days,
            "extra_working_days": self.extra_working_days,
            "reason": self.reason,
            "party": self.party,
            "restarts_clock": self.restarts,
        }


@dataclass
class Step:
    """One line of the due-date computation, with the days the calendar skipped."""

    text: str
    start: dt.date
    end: dt.date
    working_days: int
    holidays: list = field(default_factory=list)
    make_up_workdays: list = field(default_factory=list)
    weekends: int = 0


@dataclass
class ClockState:
    started: bool
    received_on: dt.date | None = None
    counting_from: dt.date | None = None
    allowance: int = REPLY_WORKING_DAYS
    working_days_used: int = 0
    working_days_remaining: int = REPLY_WORKING_DAYS
    due_date: dt.date | None = None
    provisional: bool = False  # the clock is stopped; the due date assumes it resumes when expected
    running: bool = False
    stopped_for: str = ""
    overdue: bool = False
    replied_on_time: bool | None = None
    calendar_error: str = ""  # the working-day calendar lacks a year the computation needs (strict mode)
    # Years the computation crossed whose holiday arrangement is not entered: counted on weekdays only.
    calendar_provisional_years: set[int] = field(default_factory=set)
    segments: list[Segment] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)

    @property
    def calendar_provisional(self) -> bool:
        return bool(self.calendar_provisional_years)

    @property
    def due_date_provisional(self) -> bool:
        return self.provisional or self.calendar_provisional

    @property
    def due_date_reason(self) -> str:
        """Why the due date may still move, in words an applicant understands ("" when it is firm)."""
        reasons = []
        if self.provisional:
            reasons.append(str(_("The clock is stopped; the date assumes it resumes when expected.")))
        if self.calendar_provisional:
            reasons.append(provisional_notice(self.calendar_provisional_years))
        return " ".join(reasons)

    def as_dict(self) -> dict:
        return {
            "received_on": _iso(self.received_on),
            "counting_from": _iso(self.counting_from),
            "allowance": self.allowance,
            "working_days_used": self.working_days_used,
            "working_days_remaining": self.working_days_remaining,
            "due_date": _iso(self.due_date),
            "provisional": self.provisional,
            "running": self.running,
            "stopped_for": self.stopped_for,
            "overdue": self.overdue,
            "calendar_error": self.calendar_error,
            "calendar_provisional_years": sorted(self.calendar_provisional_years),
            "due_date_reason": self.due_date_reason,
            "segments": [s.as_dict() for s in self.segments],
        }


def _iso(d):
    return d.isoformat() if d else None


def consultation_answer_due(sent_on: dt.date, calendar: WorkdayCalendar | None = None) -> dt.date:
    """Art. 32, 34: the consulted party answers within 15 working days of receiving the request."""
    return (calendar or WorkdayCalendar()).add_working_days(sent_on, CONSULTATION_WORKING_DAYS).end


def correction_notice_deadline(received_on: dt.date, calendar: WorkdayCalendar | None = None) -> dt.date:
    """Art. 30: the correction notice goes out within 7 working days of receipt."""
    return (calendar or WorkdayCalendar()).add_working_days(received_on, CORRECTION_NOTICE_WORKING_DAYS).end


def fee_payment_due(notice_received_on: dt.date, calendar: WorkdayCalendar | None = None) -> dt.date:
    """Fee measures (Sichuan notice): pay within 20 working days counted from the day after the notice."""
    return (calendar or WorkdayCalendar()).add_working_days(notice_received_on, FEE_PAYMENT_WORKING_DAYS).end


def effective_stop_end(kind: str, ended_on, expected_end_on, today: dt.date):
    """When a stop stops excluding time.

    Art. 32/34 give the consulted party 15 working days, and the fee measures give the applicant 20:
    the exclusion never runs past that date, even if the answer or payment is recorded later. A
    correction has no such cap: the period restarts when the corrected application arrives (art. 30).
    """
    if kind in CAPPED_STOPS and expected_end_on is not None:
        if ended_on is None:
            return expected_end_on if today > expected_end_on else None
        return min(ended_on, expected_end_on)
    return ended_on


def compute(application, today: dt.date | None = None, calendar: WorkdayCalendar | None = None) -> ClockState:
    """The clock of ``application`` on ``today``: due date, working days used and the segments (art. 30–34).

    A year whose holiday arrangement is not entered is counted on weekdays only and the state says so
    (``calendar_provisional_years``); only a strict calendar leaves the date empty with ``calendar_error``.
    """
    try:
        return _compute(application, today, calendar)
    except CalendarNotCovered as exc:
        return ClockState(
            started=application.received_on is not None, received_on=application.received_on,
            counting_from=application.received_on, calendar_error=str(exc),
        )  # fmt: skip


def _compute(application, today, calendar) -> ClockState:
    calendar = calendar or WorkdayCalendar()
    today = today or timezone.localdate()
    if application.received_on is None:
        return ClockState(started=False)
    state = ClockState(
        started=True, received_on=application.received_on, counting_from=application.received_on
    )
    end_of_count = application.closed_on or today
    rows = list(application.clock_segments.all()) if application.pk else []
    extensions = [r for r in rows if r.kind == SegmentKind.EXTENSION]
    stops = sorted(
        (r for r in rows if r.kind in STOP_KINDS),
        key=lambda r: ((getattr(r, "party_received_on", None) or r.started_on), r.pk or 0),
    )
    state.allowance = REPLY_WORKING_DAYS + sum(r.extra_working_days for r in extensions)

    def counted(start, end):
        stop_at = min(end, end_of_count) if end else end_of_count
        if start >= stop_at:
            return 0
        between = calendar.working_days_between(start, stop_at)
        state.calendar_provisional_years |= between.provisional_years
        return between.working_days

    counting: list[tuple[dt.date, dt.date | None]] = []  # running intervals since the last restart
    cursor: dt.date | None = application.received_on
    resume_on: dt.date | None = None
    restart_pending = False
    for stop in _stops(stops, today):
        end = stop.end
        if stop.started_on < cursor:  # a consultation received before the previous stop ended
            stop.started_on = cursor
            if end is not None and end < cursor:
                end = cursor
        counting.append((cursor, stop.started_on))
        if stop.started_on > cursor:
            state.segments.append(
                Segment(SegmentKind.RUNNING, cursor, stop.started_on, counted(cursor, stop.started_on))
            )
        excluded = counted(stop.started_on, end) if stop.kind != SegmentKind.CORRECTION else 0
        state.segments.append(
            Segment(
                stop.kind, stop.started_on, end, excluded, stop.expected_end_on, reason=stop.reason,
                party=stop.party, restarts=stop.kind == SegmentKind.CORRECTION, segment_id=stop.pk,
            )
        )  # fmt: skip
        if end is None:
            cursor, resume_on = None, stop.expected_end_on
            state.stopped_for = stop.kind
            restart_pending = stop.kind == SegmentKind.CORRECTION
            break
        cursor = end
        ended_by_closing = application.closed_on is not None and end >= application.closed_on
        if stop.kind == SegmentKind.CORRECTION and not ended_by_closing:
            counting = []  # art. 30: counted afresh from receipt of the corrected application
            state.counting_from = end
    if cursor is not None:
        counting.append((cursor, None))
        state.segments.append(Segment(SegmentKind.RUNNING, cursor, None, counted(cursor, None)))
        state.running = not application.closed_on
    for row in extensions:
        state.segments.append(
            Segment(SegmentKind.EXTENSION, row.started_on, row.started_on, 0, extra_working_days=row.extra_working_days,
                    reason=row.reason, segment_id=row.pk)
        )  # fmt: skip
    state.segments.sort(key=lambda s: (s.started_on, s.kind == SegmentKind.RUNNING))

    state.working_days_used = sum(counted(s, e) for s, e in counting)
    state.working_days_remaining = state.allowance - state.working_days_used
    plan = [] if restart_pending else list(counting)
    if resume_on is not None:
        plan.append((resume_on, None))
        state.provisional = True
    _due_date(state, plan, calendar, restart_pending)
    later = getattr(application, "reasonable_deadline_on", None)
    if later and (state.due_date is None or later > state.due_date) and not restart_pending:
        # Art. 35: the reasonable later deadline fixed for unreasonably many or frequent requests.
        state.due_date = later
        state.steps.append(
            Step(text=str(_("Reasonable later deadline (art. 35)")), start=later, end=later, working_days=0)
        )
    if state.due_date and not application.closed_on:
        state.overdue = today > state.due_date
    if state.due_date and application.closed_on:
        state.replied_on_time = application.closed_on <= state.due_date
    return state


@dataclass
class _Stop:
    kind: str
    started_on: dt.date
    end: dt.date | None  # when it stops excluding time (capped); None while open
    expected_end_on: dt.date | None
    reason: str = ""
    party: str = ""
    pk: int | None = None


def _stops(rows, today) -> list[_Stop]:
    """The stops in order, consultations merged where they overlap.

    Art. 32–34: a consulted party has 15 working days from *its receipt* of the request, so each
    consultation excludes time from ``party_received_on`` (the sending day until it is recorded), capped
    per party. Consultations of a third party and of another agency may run in parallel; days they share
    are excluded once.
    """
    stops: list[_Stop] = []
    for row in rows:
        consultation = row.kind in CONSULTATION_KINDS
        start = (
            (getattr(row, "party_received_on", None) or row.started_on) if consultation else row.started_on
        )
        end = effective_stop_end(row.kind, row.ended_on, row.expected_end_on, today)
        stop = _Stop(row.kind, start, end, row.expected_end_on, row.reason, row.party, row.pk)
        last = stops[-1] if stops else None
        overlaps = last is not None and (last.end is None or start <= last.end)
        if consultation and last is not None and last.kind in CONSULTATION_KINDS and overlaps:
            last.end = None if last.end is None or end is None else max(last.end, end)
            last.expected_end_on = max(
                filter(None, [last.expected_end_on, row.expected_end_on]), default=None
            )
            last.party = "、".join(filter(None, [last.party, row.party]))
            continue
        stops.append(stop)
    return stops


def _due_date(state: ClockState, plan, calendar: WorkdayCalendar, restart_pending: bool) -> None:
    remaining = state.allowance
    for start, end in plan:
        if end is not None:
            between = calendar.working_days_between(start, end)
            state.calendar_provisional_years |= between.provisional_years
            if between.working_days < remaining:
                remaining -= between.working_days
                state.steps.append(_step(_("Clock running"), between))
                continue
        explanation = calendar.add_working_days(start, remaining)
        state.calendar_provisional_years |= explanation.provisional_years
        text = (
            _("Corrected application expected: the period restarts")
            if restart_pending
            else _("Clock running")
        )
        state.steps.append(_step(text, explanation))
        state.due_date = explanation.end
        return


def _step(text, explanation) -> Step:
    return Step(
        text=str(text),
        start=explanation.start,
        end=explanation.end,
        working_days=explanation.working_days,
        holidays=explanation.skipped_holidays,
        make_up_workdays=explanation.make_up_workdays,
        weekends=len(explanation.skipped_weekends),
    )


def extension_days_granted(application) -> int:
    return sum(
        s.extra_working_days for s in application.clock_segments.all() if s.kind == SegmentKind.EXTENSION
    )


def current_stop(application):
    """The open stop of ``application`` (a ``ClockSegment``), or None."""
    return (
        application.clock_segments.filter(kind__in=STOP_KINDS, ended_on__isnull=True)
        .order_by("-started_on")
        .first()
    )
