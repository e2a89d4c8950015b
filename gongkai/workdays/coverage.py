"""Is next year's holiday arrangement entered? From 1 November the office is warned until it is."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from .calendar import WorkdayCalendar

WARN_FROM_MONTH = 11  # the State Council publishes the arrangement in November or December


@dataclass(frozen=True)
class CoverageWarning:
    year: int
    open_cases_affected: int


def open_cases_past(year: int) -> int:
    """Open applications whose cached due date lies in ``year`` or later (their dates are provisional)."""
    from gongkai.applications.models import Application

    return Application.objects.open().filter(due_on__gte=dt.date(year, 1, 1)).count()


def next_year_warning(today: dt.date | None = None) -> CoverageWarning | None:
    today = today or timezone.localdate()
    calendar = WorkdayCalendar()
    for year in (today.year, today.year + 1):
        if not calendar.covers(year) and (year == today.year or today.month >= WARN_FROM_MONTH):
            return CoverageWarning(year, open_cases_past(year))
    return None
