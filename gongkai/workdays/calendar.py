"""The working-day calendar.

What a working day is: Monday to Friday, except statutory holidays and the days off of the State
Council's yearly arrangement; weekend days designated make-up working days (调休上班) are working days.
The official arrangement comes from the ``chinesecalendar`` package; the ``DayOverride`` table
corrects it or supplies years the package lacks (declared complete with a ``CalendarYear`` row).

A year neither covers is computed *provisionally*, on weekdays only: the State Council publishes next
year's arrangement in November or December, and until the office enters it (paste the notice under
Settings › Working-day calendar) deadlines running into that year must still be shown, counted and
reminded about, flagged as provisional rather than left blank. ``strict=True`` refuses such dates.

Periods follow Civil Code art. 201 ("开始的当日不计入，自下一日开始计算"): working day 1 is the first
working day after the start date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

import chinese_calendar
from chinese_calendar import constants as cc_constants

from django.utils.translation import gettext as _

from .models import CalendarYear, DayOverride, OverrideKind

PACKAGE_FIRST_YEAR = min(cc_constants.holidays).year
PACKAGE_LAST_YEAR = max(cc_constants.holidays).year

# Chinese names for the holiday names the package uses (English).
HOLIDAY_NAMES_ZH = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
}


class CalendarNotCovered(Exception):
    """A date falls in a year that neither the package nor the override table covers."""

    def __init__(self, year: int):
        self.year = year
        super().__init__(
            _(
                "The working-day calendar does not cover the year %(year)s: the chinesecalendar package "
                "covers %(first)s–%(last)s. Enter that year's holidays and make-up working days under "
                "Settings › Working-day calendar and mark the year as entered."
            )
            % {"year": year, "first": PACKAGE_FIRST_YEAR, "last": PACKAGE_LAST_YEAR}
        )


class DayKind(StrEnum):
    WORKDAY = "workday"
    WEEKEND = "weekend"
    HOLIDAY = "holiday"
    MAKE_UP_WORKDAY = "make_up_workday"


@dataclass(frozen=True)
class Day:
    date: dt.date
    kind: DayKind
    name: str = ""
    provisional: bool = False  # the year's arrangement is not entered: weekdays only

    @property
    def is_working(self) -> bool:
        return self.kind in (DayKind.WORKDAY, DayKind.MAKE_UP_WORKDAY)


@dataclass
class Explanation:
    """Which non-working and make-up days a computation crossed."""

    start: dt.date
    end: dt.date
    working_days: int
    skipped_holidays: list[Day] = field(default_factory=list)
    skipped_weekends: list[dt.date] = field(default_factory=list)
    make_up_workdays: list[Day] = field(default_factory=list)
    provisional_years: set[int] = field(default_factory=set)

    @property
    def provisional(self) -> bool:
        return bool(self.provisional_years)

    def as_dict(self) -> dict:
        return {
            "start": self.start.isoformat(),
            "provisional": self.provisional,
            "provisional_years": sorted(self.provisional_years),
            "working_days": self.working_days,
            "result": self.end.isoformat(),
            "skipped_holidays": [d.date.isoformat() for d in self.skipped_holidays],
            "make_up_workdays": [d.date.isoformat() for d in self.make_up_workdays],
            "skipped_weekends": [d.isoformat() for d in self.skipped_weekends],
            "holiday_names": {
                d.date.isoformat(): d.name for d in self.skipped_holidays + self.make_up_workdays
            },
        }


class WorkdayCalendar:
    """Answers questions about days. Loads the overrides for the years it is asked about, once."""

    def __init__(self, strict: bool = False):
        self.strict = strict
        self._overrides: dict[dt.date, DayOverride] = {}
        self._loaded_years: set[int] = set()
        self._manual_years: set[int] | None = None

    def _load_year(self, year: int) -> None:
        if year in self._loaded_years:
            return
        for override in DayOverride.objects.filter(date__year=year):
            self._overrides[override.date] = override
        self._loaded_years.add(year)

    def covers(self, year: int) -> bool:
        if PACKAGE_FIRST_YEAR <= year <= PACKAGE_LAST_YEAR:
            return True
        if self._manual_years is None:
            self._manual_years = set(CalendarYear.objects.values_list("year", flat=True))
        return year in self._manual_years

    def day(self, date: dt.date) -> Day:
        weekend = date.weekday() >= 5
        if not self.covers(date.year):
            if self.strict:
                raise CalendarNotCovered(date.year)
            return Day(date, DayKind.WEEKEND if weekend else DayKind.WORKDAY, provisional=True)
        self._load_year(date.year)
        override = self._overrides.get(date)
        if override is not None:
            if override.kind == OverrideKind.HOLIDAY:
                return Day(date, DayKind.HOLIDAY, override.name)
            return Day(date, DayKind.MAKE_UP_WORKDAY if weekend else DayKind.WORKDAY, override.name)
        if not (PACKAGE_FIRST_YEAR <= date.year <= PACKAGE_LAST_YEAR):
            return Day(date, DayKind.WEEKEND if weekend else DayKind.WORKDAY)
        working = chinese_calendar.is_workday(date)
        _is_holiday, name = chinese_calendar.get_holiday_detail(date)
        name = HOLIDAY_NAMES_ZH.get(name, name) if name else ""
        if working:
            return Day(date, DayKind.MAKE_UP_WORKDAY if weekend else DayKind.WORKDAY, name if weekend else "")
        if name:
            return Day(date, DayKind.HOLIDAY, name)
        return Day(date, DayKind.WEEKEND)

    def is_working_day(self, date: dt.date) -> bool:
        return self.day(date).is_working

    def add_working_days(self, start: dt.date, working_days: int) -> Explanation:
        """The date on which a period of ``working_days`` working days counted from ``start`` ends.

        Civil Code art. 201: the start day is not counted; counting begins the next day. Zero working
        days ends on the start date itself.
        """
        if working_days < 0:
            raise ValueError(_("The number of working days cannot be negative."))
        explanation = Explanation(start=start, end=start, working_days=working_days)
        current, counted = start, 0
        while counted < working_days:
            current += dt.timedelta(days=1)
            day = self.day(current)
            self._note(explanation, day)
            if day.is_working:
                counted += 1
        explanation.end = current
        return explanation

    def working_days_between(self, start: dt.date, end: dt.date) -> Explanation:
        """Working days after ``start`` up to and including ``end`` (0 when ``end`` <= ``start``).

        The inverse of ``add_working_days``: ``between(s, add(s, n).end) == n``.
        """
        explanation = Explanation(start=start, end=end, working_days=0)
        current = start
        while current < end:
            current += dt.timedelta(days=1)
            day = self.day(current)
            self._note(explanation, day)
            if day.is_working:
                explanation.working_days += 1
        return explanation

    def next_working_day(self, date: dt.date) -> dt.date:
        """``date`` itself if it is a working day, else the first working day after it."""
        while not self.is_working_day(date):
            date += dt.timedelta(days=1)
        return date

    @staticmethod
    def _note(explanation: Explanation, day: Day) -> None:
        if day.provisional:
            explanation.provisional_years.add(day.date.year)
        if day.kind == DayKind.HOLIDAY:
            explanation.skipped_holidays.append(day)
        elif day.kind == DayKind.WEEKEND:
            explanation.skipped_weekends.append(day.date)
        elif day.kind == DayKind.MAKE_UP_WORKDAY:
            explanation.make_up_workdays.append(day)


def provisional_notice(years) -> str:
    """The plain-language reason shown beside a provisional date."""
    return _(
        "Provisional: the State Council's holiday arrangement for %(years)s has not been entered yet, so "
        "this date counts Monday to Friday only; it is recomputed when the arrangement is entered."
    ) % {"years": "、".join(str(y) for y in sorted(years))}


def first_uncovered_year() -> int:
    """The first year after the package's range that is not entered by hand."""
    entered = set(CalendarYear.objects.values_list("year", flat=True))
    year = PACKAGE_LAST_YEAR + 1
    while year in entered:
        year += 1
    return year


def add_working_days(start: dt.date, working_days: int) -> dt.date:
    return WorkdayCalendar().add_working_days(start, working_days).end


def working_days_between(start: dt.date, end: dt.date) -> int:
    return WorkdayCalendar().working_days_between(start, end).working_days


def explain_add(start: dt.date, working_days: int) -> Explanation:
    return WorkdayCalendar().add_working_days(start, working_days)
