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


@pytest.mark.django_db(transaction=True)
def test_schedulers_on_several_hosts_run_each_due_job_once():
    """Issue 13: the scheduler is safe to run on several hosts — one run per due job."""
    import datetime as dt
    import threading

    from django.db import connection

    from gongkai.core.scheduling import Job, _claim

    if connection.vendor != "postgresql":
        pytest.skip("row locks are exercised on PostgreSQL; SQLite serialises writers (BEGIN IMMEDIATE)")
    job = Job("concurrency_probe", "check", every=dt.timedelta(days=1))
    now = dt.datetime(2026, 12, 2, 8, tzinfo=dt.UTC)
    claims, barrier = [], threading.Barrier(4)

    def host():
        barrier.wait()
        try:
            claims.append(_claim(job, now) is not None)
        finally:
            connection.close()

    threads = [threading.Thread(target=host) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert claims.count(True) == 1
