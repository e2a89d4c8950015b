import datetime as dt
import threading

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.disclosure import index_numbers
from gongkai.disclosure.factories import InformationItemFactory
from gongkai.organizations.factories import UnitFactory

pytestmark = pytest.mark.django_db


def test_default_pattern_is_code_year_serial(cols):
    """Index number: "{机构代码}/{YYYY}-{NNNNN}" — the unit's code, the year produced and a yearly serial."""
    unit = UnitFactory(code="11110199000000010X")
    first = InformationItemFactory(unit=unit, date_written=dt.date(2025, 12, 30))
    second = InformationItemFactory(unit=unit, date_written=dt.date(2025, 6, 1))
    third = InformationItemFactory(unit=unit, date_written=dt.date(2026, 1, 5))
    assert first.index_number == "11110199000000010X/2025-00001"
    assert second.index_number == "11110199000000010X/2025-00002"
    assert third.index_number == "11110199000000010X/2026-00001", "the serial restarts every year"


def test_pattern_is_configurable(cols, settings):
    settings.GONGKAI_INDEX_NUMBER_PATTERN = "{code}/{year}{month}-{serial:05d}"
    unit = UnitFactory(code="11341700MB1631138U")
    item = InformationItemFactory(unit=unit, date_written=dt.date(2025, 4, 9))
    assert item.index_number == "11341700MB1631138U/202504-00001"


def test_draft_has_no_number_and_republishing_keeps_it(cols):
    """The number is given at first publication and is not part of revisions."""
    item = InformationItemFactory(publish=False)
    assert item.index_number is None
    older_revision = item.latest_revision
    older_revision.publish()
    item.refresh_from_db()
    number = item.index_number
    assert number
    item.title = "修改后的标题"
    item.save_revision().publish()
    older_revision.publish()  # publishing the pre-publication draft again
    item.refresh_from_db()
    assert item.index_number == number


def test_imported_numbers_are_skipped(cols):
    unit = UnitFactory(code="11110199000000020X")
    index_numbers.reserve_imported(unit, "11110199000000020X/2026-00041", dt.date(2026, 1, 1))
    assert index_numbers.allocate(unit, dt.date(2026, 2, 1)) == "11110199000000020X/2026-00042"


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(dates=st.lists(st.dates(dt.date(2019, 1, 1), dt.date(2027, 12, 31)), min_size=1, max_size=25))
def test_allocated_numbers_are_unique_and_dense(cols, dates):
    """Whatever the order of dates, numbers never repeat and each year's serials run 1..n without gaps."""
    unit = UnitFactory()
    numbers = [index_numbers.allocate(unit, d) for d in dates]
    assert len(set(numbers)) == len(numbers)
    for year in {d.year for d in dates}:
        serials = sorted(int(n.rsplit("-", 1)[1]) for n in numbers if f"/{year}-" in n)
        assert serials[0] >= 1 and serials == list(range(serials[0], serials[0] + len(serials)))


@pytest.mark.django_db(transaction=True)
def test_concurrent_allocation_gives_distinct_numbers():
    """Safe under concurrent publishing: parallel allocations never share a serial."""
    from django.db import connection

    if connection.vendor == "sqlite":
        pytest.skip(
            "the in-memory SQLite test database cannot serve threads; run with DATABASE_URL=postgres://…"
        )
    unit = UnitFactory()
    results, errors = [], []

    def work():
        try:
            for _ in range(5):
                results.append(index_numbers.allocate(unit, dt.date(2026, 5, 1)))
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(results) == 20 and len(set(results)) == 20
