import datetime as dt

from gongkai.applications import demo
from gongkai.applications.models import Application
from gongkai.organizations import demo as org_demo

from .helpers import at


class Cmd:
    class stdout:
        @staticmethod
        def write(_text):
            pass


def test_demo_is_idempotent_and_covers_every_outcome(db):
    with at(dt.date(2026, 11, 20)):
        org_demo.load(Cmd)
        demo.load(Cmd)
        count = Application.objects.count()
        demo.load(Cmd)
    assert Application.objects.count() == count > 60
    outcomes = set(Application.objects.exclude(outcome="").values_list("outcome", flat=True))
    assert len(outcomes) == 21
    assert Application.objects.open_on(dt.date(2025, 12, 31)).exists()  # carried forward into 2026
    assert Application.objects.filter(fee_notices__isnull=False).exists()
