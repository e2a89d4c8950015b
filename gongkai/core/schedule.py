import datetime as dt

from .scheduling import Job

JOBS = [
    # Wagtail's scheduled publishing and expiry of pages (go_live_at / expire_at).
    Job("wagtail_publish_scheduled", "publish_scheduled", every=dt.timedelta(minutes=5)),
]
