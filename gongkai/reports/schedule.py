import datetime as dt

from gongkai.core.scheduling import Job

JOBS = [
    # Reminders 14, 7, 3 and 1 days before the statutory publication dates (each sent once).
    Job(
        "annual_report_deadline_reminders",
        "annual_report",
        ("remind",),
        every=dt.timedelta(days=1),
        not_before=dt.time(8, 0),
    ),
]
