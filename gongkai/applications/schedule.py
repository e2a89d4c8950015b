import datetime as dt

from gongkai.core.scheduling import Job

JOBS = [
    # Cases due within 5 working days or overdue: e-mail each unit's handlers and the office.
    Job(
        "applications_deadline_reminders",
        "send_deadline_reminders",
        every=dt.timedelta(days=1),
        not_before=dt.time(7, 0),
    ),
]
