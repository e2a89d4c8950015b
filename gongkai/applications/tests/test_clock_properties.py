"""Property tests of the clock: whatever the stops, the arithmetic of art. 30 and 33 holds."""

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from gongkai.applications import clock
from gongkai.applications.factories import ApplicationFactory
from gongkai.applications.models import ClockSegment, SegmentKind
from gongkai.workdays.calendar import WorkdayCalendar

CAL = WorkdayCalendar()
days = st.dates(min_value=dt.date(2024, 1, 2), max_value=dt.date(2025, 12, 1))


class ClockProperties(TestCase):
    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(received=days, extra=st.integers(0, 20))
    def test_due_date_is_received_plus_allowance(self, received, extra):
        """Art. 33: due = receipt + 20 (+ extension ≤ 20) working days; used + remaining = allowance."""
        app = ApplicationFactory(received_on=received)
        if extra:
            ClockSegment.objects.create(
                application=app, kind=SegmentKind.EXTENSION, started_on=received, extra_working_days=extra
            )
        s = clock.compute(app, today=received + dt.timedelta(days=10))
        assert s.due_date == CAL.add_working_days(received, 20 + extra).end
        assert s.working_days_used + s.working_days_remaining == 20 + extra
        assert CAL.is_working_day(s.due_date)

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(received=days, after=st.integers(0, 15), length=st.integers(0, 15))
    def test_consultation_shifts_due_date_by_excluded_days(self, received, after, length):
        """Art. 33: consultation time is excluded — the due date moves by exactly the excluded working days."""
        app = ApplicationFactory(received_on=received)
        start = CAL.add_working_days(received, after).end
        end = CAL.add_working_days(start, length).end
        ClockSegment.objects.create(
            application=app, kind=SegmentKind.THIRD_PARTY, started_on=start, ended_on=end,
            expected_end_on=clock.consultation_answer_due(start),
        )  # fmt: skip
        s = clock.compute(app, today=end)
        base = CAL.add_working_days(received, 20).end
        if after < 20:
            assert s.due_date == CAL.add_working_days(base, length).end
        else:
            assert s.due_date == base  # stopped after the period had already run out
        assert s.working_days_used == min(after, CAL.working_days_between(received, end).working_days)
