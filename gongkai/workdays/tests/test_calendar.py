"""The working-day calendar against the State Council's arrangements (domain-rules §3.2–§3.3)."""

import datetime as dt
import json
from io import StringIO

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from django.core.management import CommandError, call_command

from gongkai.workdays.calendar import (
    CalendarNotCovered,
    DayKind,
    WorkdayCalendar,
    add_working_days,
    working_days_between,
)
from gongkai.workdays.models import CalendarYear, DayOverride, OverrideKind

pytestmark = pytest.mark.django_db

D = dt.date


def test_start_day_is_not_counted():
    """民法典 art. 201: "按照年、月、日计算期间的，开始的当日不计入，自下一日开始计算"."""
    # Monday 2024-06-03 + 1 working day = Tuesday, not Monday itself.
    assert add_working_days(D(2024, 6, 3), 1) == D(2024, 6, 4)
    assert add_working_days(D(2024, 6, 3), 0) == D(2024, 6, 3)


def test_period_starting_on_a_friday_skips_the_weekend():
    assert add_working_days(D(2024, 6, 7), 1) == D(2024, 6, 11)  # Mon 06-10 is Dragon Boat Festival


@pytest.mark.parametrize(
    ("start", "days", "expected", "holidays", "make_up"),
    [
        # 2019 Spring Festival: 02-04..02-10 off; 02-02 (Sat) and 02-03 (Sun) are make-up working days.
        (D(2019, 1, 31), 3, D(2019, 2, 3), [], ["2019-02-02", "2019-02-03"]),
        (D(2019, 2, 1), 3, D(2019, 2, 11), ["2019-02-04", "2019-02-10"], ["2019-02-02", "2019-02-03"]),
        # 2019 National Day: 10-01..10-07 off; 09-29 (Sun) and 10-12 (Sat) worked.
        (D(2019, 9, 27), 2, D(2019, 9, 30), [], ["2019-09-29"]),
        (D(2019, 9, 30), 1, D(2019, 10, 8), ["2019-10-01", "2019-10-07"], []),
        # 2021 Spring Festival: 02-11..02-17 off; 02-07 (Sun) and 02-20 (Sat) worked.
        (D(2021, 2, 5), 1, D(2021, 2, 7), [], ["2021-02-07"]),
        (D(2021, 2, 10), 3, D(2021, 2, 20), ["2021-02-11", "2021-02-17"], ["2021-02-20"]),
        # 2024 National Day: 10-01..10-07 off; 09-29 (Sun) and 10-12 (Sat) worked.
        (D(2024, 9, 27), 20, D(2024, 10, 30), ["2024-10-01", "2024-10-07"], ["2024-09-29", "2024-10-12"]),
        # 2025 Spring Festival: 01-28..02-04 off; 01-26 (Sun) and 02-08 (Sat) worked (S12, checked).
        (D(2025, 1, 24), 1, D(2025, 1, 26), [], ["2025-01-26"]),
        (D(2025, 1, 27), 1, D(2025, 2, 5), ["2025-01-28", "2025-02-04"], []),
        (D(2025, 2, 7), 1, D(2025, 2, 8), [], ["2025-02-08"]),
        # 2025 National Day + Mid-Autumn: 10-01..10-08 off; 09-28 (Sun) and 10-11 (Sat) worked.
        (D(2025, 9, 26), 20, D(2025, 10, 30), ["2025-10-01", "2025-10-08"], ["2025-09-28", "2025-10-11"]),
    ],
)
def test_official_arrangements(start, days, expected, holidays, make_up):
    """Make-up working days (调休上班) are working days; holidays and their weekend days are not."""
    explanation = WorkdayCalendar().add_working_days(start, days)
    assert explanation.end == expected
    skipped = [d.date.isoformat() for d in explanation.skipped_holidays]
    for holiday in holidays:
        assert holiday in skipped
    assert [d.date.isoformat() for d in explanation.make_up_workdays] == make_up


def test_days_are_classified_with_their_holiday_names():
    calendar = WorkdayCalendar()
    assert calendar.day(D(2024, 10, 1)).kind == DayKind.HOLIDAY
    assert calendar.day(D(2024, 10, 1)).name == "国庆节"
    assert calendar.day(D(2024, 10, 12)).kind == DayKind.MAKE_UP_WORKDAY
    assert calendar.day(D(2024, 10, 13)).kind == DayKind.WEEKEND
    assert calendar.day(D(2024, 10, 14)).kind == DayKind.WORKDAY
    assert calendar.day(D(2025, 1, 28)).name == "春节"


def test_between_counts_after_start_up_to_end():
    assert working_days_between(D(2024, 9, 27), D(2024, 10, 30)) == 20
    assert working_days_between(D(2024, 9, 27), D(2024, 11, 1)) == 22
    assert working_days_between(D(2024, 10, 30), D(2024, 9, 27)) == 0


def test_uncovered_year_is_refused_by_a_strict_calendar():
    """A strict calendar refuses a year neither the package nor the override table covers."""
    with pytest.raises(CalendarNotCovered) as excinfo:
        WorkdayCalendar(strict=True).add_working_days(D(2027, 1, 4), 5)
    assert "2027" in str(excinfo.value)
    with pytest.raises(CalendarNotCovered):
        WorkdayCalendar(strict=True).add_working_days(D(2026, 12, 28), 10)  # crosses into 2027


def test_uncovered_year_is_computed_on_weekdays_and_marked_provisional():
    """Issue 12: until next year's arrangement is entered, dates past the calendar are computed on weekdays
    only and marked provisional, never left blank."""
    explanation = WorkdayCalendar().add_working_days(D(2026, 12, 28), 10)
    # 12-29..12-31 (3 working days in 2026 per the package), then 2027-01-01 Fri .. 01-11 Mon on weekdays.
    assert explanation.end == D(2027, 1, 11)
    assert explanation.provisional and explanation.provisional_years == {2027}
    assert explanation.as_dict()["provisional"] is True
    within = WorkdayCalendar().add_working_days(D(2026, 6, 1), 5)
    assert not within.provisional


def test_a_year_entered_by_hand_is_covered_with_its_overrides():
    CalendarYear.objects.create(year=2027, note="国务院办公厅关于2027年部分节假日安排的通知")
    DayOverride.objects.create(date=D(2027, 1, 1), kind=OverrideKind.HOLIDAY, name="元旦")
    DayOverride.objects.create(date=D(2027, 2, 6), kind=OverrideKind.WORKDAY, name="春节")
    calendar = WorkdayCalendar()
    assert calendar.day(D(2027, 1, 1)).kind == DayKind.HOLIDAY
    assert calendar.day(D(2027, 2, 6)).kind == DayKind.MAKE_UP_WORKDAY
    assert add_working_days(D(2026, 12, 31), 1) == D(2027, 1, 4)  # Fri 01-01 off, weekend


def test_overrides_correct_a_covered_year():
    DayOverride.objects.create(date=D(2024, 6, 4), kind=OverrideKind.HOLIDAY, name="特别休假", note="test")
    assert add_working_days(D(2024, 6, 3), 1) == D(2024, 6, 5)


@settings(max_examples=40, deadline=None)
@given(start=st.dates(min_value=D(2019, 1, 1), max_value=D(2026, 10, 31)), days=st.integers(0, 40))
def test_between_is_the_inverse_of_add(start, days):
    calendar = WorkdayCalendar()
    end = calendar.add_working_days(start, days).end
    assert calendar.working_days_between(start, end).working_days == days
    assert end == start or calendar.is_working_day(end)


@settings(max_examples=30, deadline=None)
@given(start=st.dates(min_value=D(2019, 1, 1), max_value=D(2026, 10, 31)), days=st.integers(0, 30))
def test_more_days_never_end_earlier(start, days):
    calendar = WorkdayCalendar()
    assert calendar.add_working_days(start, days + 1).end > calendar.add_working_days(start, days).end


def test_command_add_prints_the_contract_json():
    out = StringIO()
    call_command("workdays", "add", "2024-09-27", "20", stdout=out)
    data = json.loads(out.getvalue())
    assert data["start"] == "2024-09-27"
    assert data["working_days"] == 20
    assert data["result"] == "2024-10-30"
    assert data["skipped_holidays"][0] == "2024-10-01"
    assert data["make_up_workdays"] == ["2024-09-29", "2024-10-12"]


def test_command_marks_a_provisional_result():
    out = StringIO()
    call_command("workdays", "add", "2027-03-01", "5", stdout=out)
    data = json.loads(out.getvalue())
    assert (
        data["result"] == "2027-03-08" and data["provisional"] is True and data["provisional_years"] == [2027]
    )


def test_command_between():
    out = StringIO()
    call_command("workdays", "between", "2024-09-27", "2024-11-01", stdout=out)
    assert json.loads(out.getvalue()) == {"working_days": 22}


@pytest.mark.parametrize("args", [("add", "2024-13-01", "5"), ("add", "2024-01-01", "-1")])
def test_command_refuses_bad_input_with_a_message(args):
    with pytest.raises(CommandError) as excinfo:
        call_command("workdays", *args, stdout=StringIO())
    assert str(excinfo.value)
