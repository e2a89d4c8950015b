"""Entering a year from the State Council's holiday notice (issue 12, calendar continuity).

The notices in ``notices/`` are the public texts of 国务院办公厅关于YYYY年部分节假日安排的通知 for
2021–2026; their wording varies ("星期日" / "周日", "放假调休" / "放假", "与周末连休", "放假1天，不调休",
periods across a month end and a year end, one notice pasted as a single line). Each must give exactly
the working days of ``chinesecalendar``'s data for that year.
"""

import datetime as dt
from pathlib import Path

import chinese_calendar
import pytest
from auditlog.models import LogEntry

from gongkai.workdays.calendar import WorkdayCalendar
from gongkai.workdays.models import CalendarYear, DayOverride, OverrideKind
from gongkai.workdays.notice import apply_notice, parse_notice

NOTICES = Path(__file__).parent / "notices"
D = dt.date


def notice(year: int) -> str:
    return (NOTICES / f"{year}.txt").read_text(encoding="utf-8")


def days_of(year):
    day = D(year, 1, 1)
    while day.year == year:
        yield day
        day += dt.timedelta(days=1)


@pytest.mark.parametrize("year", [2021, 2022, 2023, 2024, 2025, 2026])
def test_real_notice_gives_the_official_working_days(year):
    parsed = parse_notice(notice(year))
    assert parsed.ok, [str(p) for p in parsed.problems]
    assert parsed.year == year
    holidays = {d.date for d in parsed.holidays()}
    make_up = {d.date for d in parsed.make_up_workdays()}
    for day in days_of(year):
        working = (day.weekday() < 5 and day not in holidays) or day in make_up
        assert working == chinese_calendar.is_workday(day), day


def test_month_end_and_year_end_periods():
    parsed = parse_notice(notice(2023))
    names = {d.date: d.name for d in parsed.holidays()}
    assert names[D(2022, 12, 31)] == "元旦" and names[D(2023, 1, 2)] == "元旦"
    assert names[D(2023, 10, 6)] == "中秋节、国庆节"
    assert {D(2022, 1, 31), D(2022, 2, 6)} <= {d.date for d in parse_notice(notice(2022)).holidays()}


def test_the_title_or_the_given_year_decides_the_year():
    body = "一、元旦：1月1日（周五）放假1天，不调休。"
    assert parse_notice(body).year is None and not parse_notice(body).ok
    assert parse_notice(body, year=2027).ok


@pytest.mark.parametrize(
    ("original", "typo", "expected"),
    [
        ("2月15日（农历腊月二十八、周日）", "2月15日（农历腊月二十八、周六）", "周日"),  # wrong weekday name
        ("放假调休，共9天。2月14日", "放假调休，共8天。2月14日", "共8天"),  # 2-15..2-23 is 9 days
        ("2月28日（周六）上班", "2月27日上班", "2026-02-27"),  # a make-up day on a weekday
    ],
)
def test_a_typo_is_refused_with_the_line_that_is_wrong(original, typo, expected):
    """Issue 12: a pasted notice with a typo in a weekday or a day count is refused with the wrong line."""
    text = notice(2026)
    assert original in text
    parsed = parse_notice(text.replace(original, typo))
    assert not parsed.ok
    problem = str(parsed.problems[0])
    assert "春节" in problem and expected in problem


def test_the_month_view_shows_every_day_for_confirmation():
    months = parse_notice(notice(2026)).months()
    assert len(months) == 12
    feb = [cell for week in months[1]["weeks"] for cell in week if cell]
    kinds = {cell["date"]: cell["kind"] for cell in feb}
    assert len(feb) == 28
    assert kinds[D(2026, 2, 16)] == "holiday" and kinds[D(2026, 2, 14)] == "make_up_workday"
    assert kinds[D(2026, 2, 7)] == "weekend" and kinds[D(2026, 2, 9)] == "workday"


@pytest.mark.django_db
def test_confirming_writes_the_year_in_one_audited_change(django_user_model):
    office = django_user_model.objects.create_user("office")
    text = notice(2025).replace("2025", "2027")  # a future year's notice, same shape
    text = text.replace("1月1日（周三）", "1月1日（周五）")
    parsed = parse_notice(text)
    # The 2025 weekdays do not hold in 2027: the check catches every one of them.
    assert not parsed.ok
    first = parse_notice(
        "国务院办公厅关于2027年部分节假日安排的通知\n一、元旦：1月1日（周五）至3日（周日）放假，共3天。\n"
        "二、春节：2月5日（农历除夕、周五）至11日（周四）放假调休，共7天。2月20日（周六）上班。"
    )
    assert first.ok, [str(p) for p in first.problems]
    DayOverride.objects.create(date=D(2027, 3, 1), kind=OverrideKind.HOLIDAY, name="旧数据")
    apply_notice(first, office, "国务院办公厅关于2027年部分节假日安排的通知")
    assert CalendarYear.objects.filter(year=2027).exists()
    assert not DayOverride.objects.filter(date=D(2027, 3, 1)).exists()  # re-entry replaces the year
    calendar = WorkdayCalendar()
    assert not calendar.is_working_day(D(2027, 2, 8)) and calendar.is_working_day(D(2027, 2, 20))
    assert not calendar.add_working_days(D(2027, 1, 29), 10).provisional
    entry = LogEntry.objects.get(additional_data__event="holiday_notice_entered")
    assert entry.actor == office


@pytest.mark.django_db
def test_entering_the_year_recomputes_cached_due_dates(django_user_model, django_capture_on_commit_callbacks):
    """Issue 12 (1b): provisional dates are recomputed when the year is entered."""
    import time_machine

    from gongkai.applications.factories import ApplicationFactory

    with time_machine.travel(dt.datetime(2026, 12, 22, 10), tick=False):
        app = ApplicationFactory(received_on=D(2026, 12, 21), submitted_on=D(2026, 12, 21))
        from gongkai.applications.clock_events import refresh

        refresh(app)
        assert app.due_on == D(2027, 1, 18)  # weekdays only
        parsed = parse_notice(
            "国务院办公厅关于2027年部分节假日安排的通知\n一、元旦：1月1日（周五）至3日（周日）放假，共3天。"
        )
        with django_capture_on_commit_callbacks(execute=True):
            apply_notice(parsed, django_user_model.objects.create_user("office2"), "通知")
    app.refresh_from_db()
    assert app.due_on == D(2027, 1, 19)
