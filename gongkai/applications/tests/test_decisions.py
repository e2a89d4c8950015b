"""Decision outcomes keep their legal preconditions on every path (issue 12; domain-rules §1.9, art. 30)."""

import datetime as dt

import pytest
import time_machine

from django.core.exceptions import ValidationError

from gongkai.applications import clock_events, decisions, fee_notices
from gongkai.applications.factories import ApplicationFactory
from gongkai.applications.models import SegmentKind, Status
from gongkai.applications.outcomes import Outcome, default_basis

pytestmark = pytest.mark.django_db
D = dt.date


def at(day):
    return time_machine.travel(dt.datetime(day.year, day.month, day.day, 10, 0), tick=False)


def draft(app, handler, outcome):
    return decisions.draft(
        app,
        handler,
        outcome=outcome,
        legal_basis=default_basis(outcome).articles,
        text="经审查，依法答复如下。",
    )


@pytest.mark.parametrize(
    "outcome",
    [Outcome.OTHER_OVERDUE_CORRECTION, Outcome.UNABLE_UNCLEAR_AFTER_CORRECTION, Outcome.OTHER_OVERDUE_FEE],
)
def test_outcomes_that_need_a_notice_are_refused_without_it_on_the_decision_path(unit, handler, outcome):
    """Art. 30 ("无正当理由逾期不补正的，视为放弃申请") and the fee measures ("逾期未缴纳的，视为放弃申请"):
    these Table III rows need a correction or fee notice; the draft → approve → sign path checks it as
    /close does, so the case cannot count in that row."""
    app = ApplicationFactory(handling_unit=unit, received_on=D(2025, 9, 1))
    with at(D(2025, 9, 10)), pytest.raises(ValidationError):
        draft(app, handler, outcome)


def test_unclear_after_correction_is_accepted_once_a_correction_was_requested(unit, handler):
    app = ApplicationFactory(handling_unit=unit, received_on=D(2025, 9, 1))
    with at(D(2025, 9, 3)):
        clock_events.request_correction(app, handler, notice_on=D(2025, 9, 3), items="请明确所需信息的名称")
    with at(D(2025, 9, 10)):
        clock_events.receive_correction(app, handler, received_on=D(2025, 9, 10))
        decision = draft(app, handler, Outcome.UNABLE_UNCLEAR_AFTER_CORRECTION)
    assert decision.outcome == Outcome.UNABLE_UNCLEAR_AFTER_CORRECTION


def test_sign_off_rechecks_the_facts(unit, handler, reviewer, office):
    """A fee paid after the decision was drafted as "fee unpaid" cannot then be signed off as unpaid."""
    app = ApplicationFactory(handling_unit=unit, received_on=D(2025, 9, 1))
    with at(D(2025, 9, 2)):
        notice = fee_notices.issue(app, handler, method="per_page", quantity=300, issued_on=D(2025, 9, 2))
    with at(D(2025, 10, 20)):
        decision = draft(app, handler, Outcome.OTHER_OVERDUE_FEE)
        decisions.submit(decision, handler)
        decisions.approve(decision, reviewer)
        notice.due_on = D(
            2025, 10, 30
        )  # e.g. receipt of the notice recorded later: the period has not run out
        notice.save()
        with pytest.raises(ValidationError):
            decisions.sign_off(decision, office, replied_on=D(2025, 10, 20))


def test_closing_ends_an_open_correction_stop(unit, handler):
    """Closing a case leaves no stop open (issue 12)."""
    app = ApplicationFactory(handling_unit=unit, received_on=D(2025, 9, 1))
    with at(D(2025, 9, 3)):
        clock_events.request_correction(app, handler, notice_on=D(2025, 9, 3), items="请补充身份证明")
    with at(D(2025, 10, 15)):
        decisions.close_without_decision(
            app,
            handler,
            outcome=Outcome.OTHER_OVERDUE_CORRECTION,
            closed_on=D(2025, 10, 15),
            reason="逾期未补正",
        )
    app.refresh_from_db()
    assert app.status == Status.CLOSED
    assert not app.clock_segments.filter(ended_on__isnull=True).exists()
    assert app.clock_segments.get(kind=SegmentKind.CORRECTION).ended_on == D(2025, 10, 15)
