import datetime as dt

from gongkai.core.scheduling import Job

JOBS = [
    # From 1 November until next year's holiday arrangement is entered: warn the office daily.
    Job("workdays_calendar_warning", "warn_calendar", every=dt.timedelta(days=1), not_before=dt.time(7, 30)),
]
