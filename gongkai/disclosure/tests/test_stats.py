import datetime as dt

import pytest

from gongkai.disclosure import stats
from gongkai.disclosure.factories import InformationItemFactory
from gongkai.disclosure.models import Genre, Validity
from gongkai.organizations.factories import UnitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def unit(cols):
    return UnitFactory()


def make(unit, genre, written, validity=Validity.IN_FORCE, changed=None, publish=True):
    return InformationItemFactory(
        unit=unit,
        genre=genre,
        date_written=written,
        validity=validity,
        validity_changed_on=changed,
        publish=publish,
    )


def test_table_two_counts_issued_repealed_in_force(unit):
    """Table II (一), 2021 format: 本年制发件数 · 本年废止件数 · 现行有效件数 for 规章 and 行政规范性文件."""
    make(unit, Genre.NORMATIVE_DOCUMENT, dt.date(2024, 5, 1))  # in force, older
    make(unit, Genre.NORMATIVE_DOCUMENT, dt.date(2025, 2, 1))  # issued 2025, in force
    make(unit, Genre.NORMATIVE_DOCUMENT, dt.date(2023, 1, 1), Validity.REPEALED, dt.date(2025, 6, 30))
    make(unit, Genre.NORMATIVE_DOCUMENT, dt.date(2025, 3, 1), Validity.EXPIRED, dt.date(2026, 1, 10))
    make(unit, Genre.NORMATIVE_DOCUMENT, dt.date(2025, 4, 1), Validity.AMENDED)  # amended: still in force
    make(unit, Genre.RULE, dt.date(2025, 7, 1))
    make(unit, Genre.NOTICE, dt.date(2025, 7, 1))  # not a normative document
    make(unit, Genre.NORMATIVE_DOCUMENT, dt.date(2025, 8, 1), publish=False)  # draft: not issued
    make(UnitFactory(), Genre.NORMATIVE_DOCUMENT, dt.date(2025, 8, 1))  # other unit

    counts = stats.normative_document_counts([unit.pk], 2025)

    assert counts == {
        "rules": {"issued": 1, "repealed": 0, "in_force": 1},
        # in force on 2025-12-31: 2024-05, 2025-02, 2025-03 (expires 2026), 2025-04 (amended)
        "normative_documents": {"issued": 3, "repealed": 1, "in_force": 4},
    }


def test_each_figure_drills_down_to_its_records(unit):
    """Every figure in an annual report can be traced back to the records behind it."""
    repealed = make(
        unit, Genre.NORMATIVE_DOCUMENT, dt.date(2023, 1, 1), Validity.REPEALED, dt.date(2025, 6, 30)
    )
    make(unit, Genre.NORMATIVE_DOCUMENT, dt.date(2025, 1, 1))
    qs = stats.normative_document_queryset([unit.pk], 2025, "normative_documents", "repealed")
    assert list(qs) == [repealed]
    for row in stats.ROWS:
        for column in stats.COLUMNS:
            assert (
                stats.normative_document_queryset([unit.pk], 2025, row, column).count()
                == (stats.normative_document_counts([unit.pk], 2025)[row][column])
            )


def test_repealed_document_was_in_force_before_its_repeal(unit):
    """现行有效 is valid on 31 December: a document repealed in 2025 counts as in force for 2024."""
    make(unit, Genre.RULE, dt.date(2020, 1, 1), Validity.REPEALED, dt.date(2025, 3, 1))
    assert stats.normative_document_counts([unit.pk], 2024)["rules"]["in_force"] == 1
    assert stats.normative_document_counts([unit.pk], 2025)["rules"]["in_force"] == 0


def test_unknown_row_or_column_is_a_clear_error(unit):
    with pytest.raises(ValueError, match="unknown row"):
        stats.normative_document_queryset([unit.pk], 2025, "licences", "issued")
    with pytest.raises(ValueError, match="unknown column"):
        stats.normative_document_queryset([unit.pk], 2025, "rules", "amended")


def test_overview_figures_count_published_items_and_interpretations(unit):
    from gongkai.disclosure.factories import unit_column
    from gongkai.disclosure.models import InformationItemPage, PolicyInterpretationPage

    item = make(unit, Genre.NORMATIVE_DOCUMENT, dt.date(2025, 5, 1))
    InformationItemPage.objects.filter(pk=item.pk).update(date_published=dt.date(2025, 5, 6))
    make(unit, Genre.NOTICE, dt.date(2025, 6, 1), publish=False)
    assert stats.items_published([unit.pk], 2025) == 1
    page = PolicyInterpretationPage(title="解读", slug="jd", policy=item, unit=unit)
    unit_column(unit).add_child(instance=page)
    page.save_revision().publish()
    year = PolicyInterpretationPage.objects.get(pk=page.pk).first_published_at.year
    assert stats.interpretations_published([unit.pk], year) == 1
    assert stats.interpretations_published([unit.pk], year - 1) == 0
