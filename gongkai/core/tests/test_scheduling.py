import datetime as dt
from io import StringIO

import pytest

from django.core.management import call_command
from django.utils import timezone

from gongkai.core.models import JobRun
from gongkai.core.scheduling import Job, all_jobs, run_due_jobs

pytestmark = pytest.mark.django_db


def at(hour, day=2):
    return timezone.make_aware(dt.datetime(2026, 3, day, hour, 0))


def test_daily_job_runs_once_a_day_after_its_time():
    job = Job("check", "check", every=dt.timedelta(days=1), not_before=dt.time(8, 0))
    assert run_due_jobs(at(7), [job]) == []
    assert run_due_jobs(at(9), [job]) == [("check", True)]
    assert run_due_jobs(at(15), [job]) == []
    assert run_due_jobs(at(9, day=3), [job]) == [("check", True)]


def test_failing_job_is_recorded_and_does_not_stop_others():
    bad = Job("bad", "no_such_command", every=dt.timedelta(minutes=1))
    good = Job("good", "check", every=dt.timedelta(minutes=1))
    assert run_due_jobs(at(9), [bad, good]) == [("bad", False), ("good", True)]
    assert "no_such_command" in JobRun.objects.get(name="bad").last_output


def test_apps_register_jobs_and_the_command_runs_them():
    assert "wagtail_publish_scheduled" in {job.name for job in all_jobs()}
    out = StringIO()
    call_command("run_scheduler", "--once", stdout=out)
    assert "wagtail_publish_scheduled: ok" in out.getvalue()
