"""The statutory clock across Spring Festival and National Day 2025 (holidays and make-up working days).

Expected dates are counted by hand from the 2025 State Council arrangement (domain-rules.md §3.3):
Spring Festival 01-28…02-04 off, 01-26 (Sun) and 02-08 (Sat) worked; National Day 10-01…10-08 off,
09-28 (Sun) and 10-11 (Sat) worked.
"""

import datetime as dt

import pytest
import time_machine

from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.applications import clock, clock_events
from gongkai.applications.factories import ApplicationFactory
from gongkai.applications.models import SegmentKind, Status

D = dt.date


def at(day):
    return time_machine.travel(dt.datetime.combine(day, dt.time(10)), tick=False)


def state(app, today):
    return clock.compute(app, today=today)


def test_reply_within_20_working_days_across_spring_festival(unit):
    """Art. 33: "应当自收到申请之日起20个工作日内予以答复"; make-up days count, holidays do not."""
    app = ApplicationFactory(handling_unit=unit, received_on=D(2025, 1, 20))
    s = state(app, D(2025, 2, 10))
    assert s.due_date == D(2025, 2, 21)
    # 01-21…24, 01-26 (make-up Sun), 01-27, 02-05…07, 02-08 (make-up Sat), 02-10 = 11
    assert s.working_days_used == 11
    assert s.working_days_remaining == 9
    assert s.running and not s.overdue
    assert [h.date for h in s.steps[0].holidays][:1] == [D(2025, 1, 28)]
    assert {d.date for d in s.steps[0].make_up_workdays} == {D(2025, 1, 26), D(2025, 2, 8)}


def test_reply_deadline_across_national_day(unit):
    """Art. 33: 20 working days; 2025 National Day 10-01…10-08 off, 09-28 and 10-11 worked."""
    app = ApplicationFactory(handling_unit=unit, received_on=D(2025, 9, 22))
    assert state(app, D(2025, 9, 22)).due_date == D(2025, 10, 24)
    assert state(app, D(2025, 10, 27)).overdue


def test_start_day_not_counted(unit):
    """Civil Code art. 201: "开始的当日不计入，自下一日开始计算"."""
    app = ApplicationFactory(handling_unit=unit, received_on=D(2025, 9, 22))
    assert state(app, D(2025, 9, 22)).working_days_used == 0
    assert state(app, D(2025, 9, 23)).working_days_used == 1


def test_correction_restarts_the_clock(unit, handler):
    """Art. 30: "答复期限自行政机关收到补正的申请之日起计算" — the period restarts, it is not merely paused."""
    app = ApplicationFactory(handling_unit=unit, received_on=D(2025, 1, 20))
    with at(D(2025, 1, 24)):
        clock_events.request_correction(app, handler, notice_on=D(2025, 1, 24), items="请明确所需文件名称")
    app.refresh_from_db()
    assert app.status == Status.CORRECTION
    s = state(app, D(2025, 2, 5))
    assert s.stopped_for == SegmentKind.CORRECTION and s.provisional
    with at(D(2025, 2, 10)):
        clock_events.receive_correction(app, handler, received_on=D(2025, 2, 10))
    app.refresh_from_db()
    s = state(app, D(2025, 2, 17))
    assert s.counting_from == D(2025, 2, 10)
    assert s.working_days_used == 5  # 02-11…14, 02-17: the days before the notice no longer count
    assert s.due_date == D(2025, 3, 10)
    assert app.due_on == D(2025, 3, 10)
    kinds = [seg.kind for seg in s.segments]
    assert kinds == [SegmentKind.RUNNING, SegmentKind.CORRECTION, SegmentKind.RUNNING]


def test_correction_notice_within_7_working_days(unit, handler):
    """Art. 30: "自收到申请之日起7个工作日内一次性告知申请人作出补正"."""
    app = ApplicationFactory(handling_unit=unit, received_on=D(2025, 1, 20))
    # 7 working days: 01-21…24, 01-26, 01-27, 02-05 → the last day is 02-05.
    assert clock.correction_notice_deadline(D(2025, 1, 20)) == D(2025, 2, 5)
    with at(D(2025, 2, 6)), pytest.raises(ValidationError, match="7"):
        clock_events.request_correction(app, handler, notice_on=D(2025, 2, 6), items="x")
    with at(D(2025, 2, 5)):
        clock_events.request_correction(app, handler, notice_on=D(2025, 2, 5), items="x")
    with at(D(2025, 2, 5)), pytest.raises(ValidationError):
        clock_events.request_correction(app, handler, notice_on=D(2025, 2, 5), items="again")


def test_consultation_time_is_excluded(unit, handler):
    """Art. 33: "行政机关征求第三方和其他机关意见所需时间不计算在前款规定的期限内"."""
    app = ApplicationFactory(handling_unit=unit, received_on=D(2025, 9, 22))
    with at(D(2025, 9, 26)):
        clock_events.start_consultation(
            app, handler, kind="third_party", party="某某科技有限公司", sent_on=D(2025, 9, 26)
        )
    with at(D(2025, 10, 13)):
        clock_events.end_consultation(app, handler, answered_on=D(2025, 10, 13), answer="不同意公开")
    app.refresh_from_db()
    s = state(app, D(2025, 10, 14))
    # Excluded: 09-28, 09-29, 09-30, 10-09, 10-10, 10-11, 10-13 = 7 working days.
    assert [seg.working_days for seg in s.segments if seg.kind == SegmentKind.THIRD_PARTY] == [7]
    assert s.working_days_used == 5  # 09-23…26 and 10-14
    assert s.due_date == D(2025, 11, 4)


def test_consultation_exclusion_capped_at_15_working_days(unit, handler):
    """Art. 32: the third party answers "自收到征求意见书之日起15个工作日内"; later time is not excluded."""
    app = ApplicationFactory(handling_unit=unit, received_on=D(2025, 9, 22))
    with at(D(2025, 9, 26)):
        seg = clock_events.start_consultation(
            app, handler, kind="other_agency", party="区财政局", sent_on=D(2025, 9, 26)
        )
    assert seg.expected_end_on == D(2025, 10, 23)
    s = state(app, D(2025, 10, 30))  # silent party, still recorded as open
    assert not s.provisional and s.running
    assert s.due_date == clock.WorkdayCalendar().add_working_days(D(2025, 10, 24), 15).end


def test_extension_at_most_20_working_days_by_office_head(unit, handler, office, head):
    """Art. 33: "经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不得超过20个工作日"."""
    app = ApplicationFactory(handling_unit=unit, received_on=D(2025, 9, 22))
    with at(D(2025, 10, 20)):
        # The district office is not the head of this unit's disclosure office.
        with pytest.raises(PermissionDenied):
            clock_events.extend(app, office, approved_on=D(2025, 10, 20), working_days=20, reason="材料多")
        with pytest.raises(PermissionDenied):
            clock_events.extend(app, handler, approved_on=D(2025, 10, 20), working_days=20, reason="材料多")
        with pytest.raises(ValidationError):
            clock_events.extend(app, head, approved_on=D(2025, 10, 20), working_days=21, reason="材料多")
        with pytest.raises(ValidationError):
            clock_events.extend(app, head, approved_on=D(2025, 10, 20), working_days=10, reason=" ")
        clock_events.extend(app, head, approved_on=D(2025, 10, 20), working_days=10, reason="涉及档案调取")
        with pytest.raises(ValidationError, match="10"):
            clock_events.extend(app, head, approved_on=D(2025, 10, 20), working_days=11, reason="再延")
        clock_events.extend(app, head, approved_on=D(2025, 10, 20), working_days=10, reason="再延")
    assert state(app, D(2025, 10, 20)).due_date == D(2025, 11, 21)


def test_extension_must_be_approved_before_the_period_ends(unit, head):
    """Art. 33: the extension extends a running period; after the due date it is too late."""
    app = ApplicationFactory(handling_unit=unit, received_on=D(2025, 9, 22))
    with at(D(2025, 10, 27)), pytest.raises(ValidationError):
        clock_events.extend(app, head, approved_on=D(2025, 10, 27), working_days=5, reason="晚了")


def test_other_units_handler_cannot_stop_the_clock(unit, other_handler):
    app = ApplicationFactory(handling_unit=unit, received_on=D(2025, 9, 22))
    with at(D(2025, 9, 23)), pytest.raises(PermissionDenied):
        clock_events.start_consultation(
            app, other_handler, kind="third_party", party="x", sent_on=D(2025, 9, 23)
        )


def test_not_started_without_receipt(unit):
    """Art. 31: no clock until the date of receipt is established."""
    app = ApplicationFactory(handling_unit=unit, received_on=None, status=Status.SUBMITTED)
    s = state(app, D(2025, 2, 1))
    assert not s.started and s.due_date is None


def test_year_missing_from_calendar_gives_a_provisional_date_with_its_reason(unit):
    """Issue 12 (1b): a period running into a year whose holiday arrangement is not entered is computed on
    weekdays only, marked provisional with the reason, and still counts as overdue on that date."""
    app = ApplicationFactory(handling_unit=unit, received_on=D(2026, 12, 21))
    s = state(app, D(2026, 12, 22))
    # 12-22..12-31 = 8 working days in 2026, then 12 weekdays of 2027 from Fri 01-01: Mon 01-18.
    assert s.due_date == D(2027, 1, 18)
    assert s.calendar_provisional_years == {2027} and s.due_date_provisional
    assert "2027" in s.due_date_reason and not s.calendar_error
    assert state(app, D(2027, 1, 19)).overdue


def test_entering_the_year_recomputes_the_date(unit):
    from gongkai.workdays.models import CalendarYear, DayOverride, OverrideKind

    app = ApplicationFactory(handling_unit=unit, received_on=D(2026, 12, 21))
    CalendarYear.objects.create(year=2027, note="test")
    DayOverride.objects.create(date=D(2027, 1, 1), kind=OverrideKind.HOLIDAY, name="元旦")
    s = state(app, D(2026, 12, 22))
    assert s.due_date == D(2027, 1, 19) and not s.due_date_provisional


def test_extension_dated_between_receipt_and_the_end_of_the_period(unit, head):
    """Art. 33 ¶2: the extension is approved within the period — not before receipt, not in the future,
    not backdated past the end of the 20 working days."""
    app = ApplicationFactory(handling_unit=unit, received_on=D(2025, 9, 1))
    with at(D(2025, 10, 20)):
        for approved_on in (D(2025, 8, 29), D(2099, 1, 1), D(2025, 10, 20)):
            with pytest.raises(ValidationError):
                clock_events.extend(app, head, approved_on=approved_on, working_days=5, reason="材料多")
        clock_events.extend(app, head, approved_on=D(2025, 9, 26), working_days=5, reason="材料多")


def test_correction_period_is_a_default_with_a_reason_to_go_longer(unit, handler):
    """S4: the correction period is "一般不超过15个工作日": longer only with a stated reason."""
    app = ApplicationFactory(handling_unit=unit, received_on=D(2025, 9, 1))
    with at(D(2025, 9, 3)):
        with pytest.raises(ValidationError, match="15"):
            clock_events.request_correction(
                app, handler, notice_on=D(2025, 9, 3), items="签名", period_working_days=20
            )
        seg = clock_events.request_correction(
            app,
            handler,
            notice_on=D(2025, 9, 3),
            items="签名",
            period_working_days=20,
            longer_reason="申请人在外地",
        )
    assert seg.expected_end_on == clock.WorkdayCalendar().add_working_days(D(2025, 9, 3), 20).end


def test_consultation_excluded_from_the_partys_receipt_and_in_parallel_once(unit, handler):
    """Arts. 32 and 34: the consulted party answers "自收到征求意见书之日起15个工作日内", and art. 33 excludes
    "征求第三方和其他机关意见所需时间": a third party and another agency may be consulted in parallel; each
    excludes time from its own receipt, capped at its 15 working days, and shared days count once."""
    app = ApplicationFactory(handling_unit=unit, received_on=D(2025, 11, 3))  # Monday
    with at(D(2025, 11, 5)):
        third = clock_events.start_consultation(
            app,
            handler,
            kind="third_party",
            party="某公司",
            sent_on=D(2025, 11, 4),
            party_received_on=D(2025, 11, 5),
        )
        agency = clock_events.start_consultation(
            app, handler, kind="other_agency", party="区财政局", sent_on=D(2025, 11, 5)
        )
    assert third.expected_end_on == clock.WorkdayCalendar().add_working_days(D(2025, 11, 5), 15).end
    with at(D(2025, 11, 10)):
        clock_events.end_consultation(
            app, handler, answered_on=D(2025, 11, 10), answer="同意", segment_id=agency.pk
        )
    app.refresh_from_db()
    assert app.status == Status.CONSULTATION  # the third party has not answered yet
    with at(D(2025, 11, 14)):
        with pytest.raises(ValidationError):  # several were open: which one? (only one left now, so fine)
            clock_events.end_consultation(app, handler, answered_on=D(2025, 11, 14), segment_id=agency.pk)
        clock_events.end_consultation(app, handler, answered_on=D(2025, 11, 14), answer="不同意")
    s = state(app, D(2025, 11, 17))
    # Counted: 11-04 and 11-05 (running until the third party's receipt on 11-05), then from 11-14 on.
    # Excluded once: 11-06 … 11-14 (7 working days), though two consultations overlapped.
    assert s.working_days_used == 2 + 1  # 11-04, 11-05, 11-17
    assert s.due_date == clock.WorkdayCalendar().add_working_days(D(2025, 11, 14), 18).end
