"""Table III from records: each cell equals an independent count, and every identity holds."""

import datetime as dt
from collections import Counter

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from gongkai.applications.models import ApplicantType, Application
from gongkai.applications.outcomes import Outcome
from gongkai.organizations.factories import UnitFactory
from gongkai.reports.formats import COLUMN_KEYS, table3_keys
from gongkai.reports.tables.data import ReportData
from gongkai.reports.tables.table3 import compute_table3, table3_queryset
from gongkai.reports.validation import validate

from .records import application, expected_cells

pytestmark = pytest.mark.django_db
D = dt.date


def test_outcome_keys_are_the_2021_leaf_rows():
    # The applications engineer's Outcome holds exactly the 21 leaf rows of the 2021 format.
    leafs = [
        k
        for k in table3_keys("2021")
        if k not in ("new_received", "carried_over", "total_processed", "carried_forward")
    ]
    assert sorted(Outcome.values) == sorted(leafs)
    assert COLUMN_KEYS[:-1] == list(ApplicantType.values)


def test_year_boundaries():
    unit = UnitFactory()
    apps = Application.objects.bulk_create(
        [
            application(
                unit, "natural", D(2024, 12, 31), D(2025, 1, 1), "granted"
            ),  # carried over, processed
            application(unit, "natural", D(2024, 12, 20), D(2024, 12, 31), "granted"),  # 2024 only
            application(unit, "commercial", D(2025, 1, 1), D(2025, 12, 31), "partial"),  # new, processed
            application(unit, "research", D(2025, 12, 31)),  # new, carried forward
            application(unit, "legal_service", D(2025, 6, 1), D(2026, 1, 1), "other_overdue_fee"),
            application(unit, "other", D(2023, 5, 1)),  # carried over and forward
            application(unit, "natural", None),  # not yet received: nowhere
        ]
    )
    table = compute_table3([unit.pk], 2025)
    assert table["new_received"] == [0, 1, 1, 0, 1, 0, 3]
    assert table["carried_over"] == [1, 0, 0, 0, 0, 1, 2]
    assert table["total_processed"] == [1, 1, 0, 0, 0, 0, 2]
    assert table["granted"][-1] == 1 and table["partial"][-1] == 1
    assert table["carried_forward"] == [0, 0, 1, 0, 1, 1, 3]
    assert set(table3_queryset([unit.pk], 2025, "carried_forward", "total")) == {apps[3], apps[4], apps[5]}
    assert list(table3_queryset([unit.pk], 2025, "carried_over", "natural")) == [apps[0]]
    # 2019 format: the three 2021 "other" rows are one row.
    table_2020 = compute_table3([unit.pk], 2020, "2019")
    assert "other_processing" in table_2020 and "other_other" not in table_2020
    assert table_2020["carried_forward"][-1] == 0


dates = st.one_of(st.none(), st.dates(min_value=D(2023, 6, 1), max_value=D(2026, 6, 30)))
records = st.lists(
    st.tuples(
        st.sampled_from(ApplicantType.values),
        dates,
        st.integers(min_value=0, max_value=500),  # days until closing
        st.booleans(),  # closed?
        st.sampled_from(Outcome.values),
    ),
    max_size=40,
)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)
@given(records=records, year=st.sampled_from([2024, 2025]), fmt=st.sampled_from(["2019", "2021"]))
def test_computed_table_satisfies_every_identity_and_matches_an_independent_count(records, year, fmt):
    unit = UnitFactory()
    apps = []
    for applicant_type, received, days, closed, outcome in records:
        closed_on = received + dt.timedelta(days=days) if (received and closed) else None
        apps.append(application(unit, applicant_type, received, closed_on, outcome))
    Application.objects.bulk_create(apps)

    table = compute_table3([unit.pk], year, fmt)
    # Every identity of §1.6 holds for a table computed from records.
    data = ReportData(agency=unit.name, year=year, format=fmt, table3=table, table4={})
    assert validate(data).errors == []
    # Every cell equals a count made by hand from the definitions, application by application.
    expected = Counter()
    for app in apps:
        for row in expected_cells(app, year, fmt):
            expected[(row, app.applicant_type)] += 1
            expected[(row, "total")] += 1
    for row in table3_keys(fmt):
        for index, column in enumerate(COLUMN_KEYS):
            assert table[row][index] == expected[(row, column)], (row, column)
            assert table3_queryset([unit.pk], year, row, column, fmt).count() == table[row][index]
