"""Periodic jobs (reminders, scheduled publishing) without an extra server.

Each app may list its jobs in ``schedule.py`` as ``JOBS = [Job(...)]``. ``manage.py run_scheduler``
runs the due ones; ``make run`` starts it beside the web server. A job is a management command, so
it can equally be run from cron in a scaled deployment, and several schedulers may run at once: each due
job is claimed under a row lock, so exactly one of them runs it.
"""

from __future__ import annotations

import datetime as dt
import io
import traceback
from dataclasses import dataclass, field

from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from .discovery import app_modules
from .models import JobRun


@dataclass(frozen=True)
class Job:
    name: str
    command: str
    args: tuple[str, ...] = field(default_factory=tuple)
    #: Run at most once per interval...
    every: dt.timedelta = dt.timedelta(days=1)
    #: ...and, for daily jobs, not before this local time.
    not_before: dt.time | None = None

    def is_due(self, last_started: dt.datetime | None, now: dt.datetime) -> bool:
        local_now = timezone.localtime(now)
        if self.not_before is not None and local_now.time() < self.not_before:
            return False
        if last_started is None:
            return True
        if self.every >= dt.timedelta(days=1) and self.not_before is not None:
            return timezone.localtime(last_started).date() < local_now.date()
        return now - last_started >= self.every


def all_jobs() -> list[Job]:
    jobs = []
    for _label, module in app_modules("schedule"):
        jobs.extend(getattr(module, "JOBS", []))
    return jobs


def run_due_jobs(now: dt.datetime | None = None, jobs: list[Job] | None = None) -> list[tuple[str, bool]]:
    now = now or timezone.now()
    results = []
    for job in jobs if jobs is not None else all_jobs():
        run = _claim(job, now)
        if run is None:
            continue
        out = io.StringIO()
        try:
            call_command(job.command, *job.args, stdout=out, stderr=out)
            ok = True
        except Exception:  # a failing job must not stop the others; its output says why
            out.write(traceback.format_exc())
            ok = False
        run.last_finished_at = timezone.now()
        run.last_ok = ok
        run.last_output = out.getvalue()[-10000:]
        run.save(update_fields=["last_finished_at", "last_ok", "last_output"])
        results.append((job.name, ok))
    return results


def _claim(job: Job, now: dt.datetime) -> JobRun | None:
    """Mark ``job`` started if it is due, under a row lock: with schedulers on several hosts exactly one
    of them runs each due job (the others wait for the lock, then see it already started)."""
    JobRun.objects.get_or_create(name=job.name)
    with transaction.atomic():
        run = JobRun.objects.select_for_update().get(name=job.name)
        if not job.is_due(run.last_started_at, now):
            return None
        run.last_started_at = now
        run.save(update_fields=["last_started_at"])
    return run
