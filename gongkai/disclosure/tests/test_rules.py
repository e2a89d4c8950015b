import datetime as dt

import pytest

from django.core.exceptions import ValidationError

from gongkai.disclosure import interpretations, standard_list, timeliness, validity
from gongkai.disclosure.factories import InformationItemFactory, StandardCatalogueEntryFactory, unit_column
from gongkai.disclosure.models import (
    DisclosureAttribute,
    Frequency,
    Genre,
    InformationItemPage,
    PolicyInterpretationPage,
    Validity,
)
from gongkai.organizations.factories import UnitFactory

pytestmark = pytest.mark.django_db


def set_published(item, day):
    InformationItemPage.objects.filter(pk=item.pk).update(date_published=day)
    item.refresh_from_db()
    return item


def test_art26_flags_late_publication(cols):
    """Art. 26: "应当自该政府信息形成或者变更之日起20个工作日内及时公开"."""
    unit = UnitFactory()
    # 2026-03-02 (Mon) + 20 working days = 2026-03-30 (Mon)
    on_time = set_published(
        InformationItemFactory(unit=unit, date_written=dt.date(2026, 3, 2)), dt.date(2026, 3, 30)
    )
    late = set_published(
        InformationItemFactory(unit=unit, date_written=dt.date(2026, 3, 2)), dt.date(2026, 3, 31)
    )
    changed = InformationItemFactory(
        unit=unit, date_written=dt.date(2025, 1, 2), date_changed=dt.date(2026, 3, 2)
    )
    set_published(changed, dt.date(2026, 3, 20))
    assert timeliness.deadline(on_time) == dt.date(2026, 3, 30)
    assert not timeliness.is_published_late(on_time)
    assert timeliness.is_published_late(late)
    assert not timeliness.is_published_late(changed), "the period runs from the date of change"
    (row,) = timeliness.report([unit.pk])
    assert row.published == 3 and row.late == [late]


def test_art26_flags_items_waiting_too_long(cols):
    unit = UnitFactory()
    waiting = InformationItemFactory(unit=unit, date_written=dt.date(2026, 3, 2), publish=False)
    assert not timeliness.is_waiting_too_long(waiting, today=dt.date(2026, 3, 30))
    assert timeliness.is_waiting_too_long(waiting, today=dt.date(2026, 3, 31))
    (row,) = timeliness.report([unit.pk], today=dt.date(2026, 4, 15))
    assert [i.pk for i in row.waiting] == [waiting.pk]


def test_non_proactive_items_need_a_reason_and_never_reach_the_portal(cols, client):
    """The disclosure attribute is decided before issue; not disclosing needs a reason (art. 13–16)."""
    item = InformationItemFactory.build(
        disclosure_attribute=DisclosureAttribute.NOT_DISCLOSED, unit=UnitFactory()
    )
    with pytest.raises(ValidationError) as excinfo:
        item.full_clean(exclude=["path", "depth", "slug"])
    assert "non_disclosure_reason" in excinfo.value.message_dict
    hidden = InformationItemFactory(
        disclosure_attribute=DisclosureAttribute.ON_APPLICATION, non_disclosure_reason="涉及第三方商业秘密"
    )
    assert not InformationItemPage.objects.public().filter(pk=hidden.pk).exists()
    assert client.get(hidden.url).status_code == 404


def test_validity_rules(cols):
    item = InformationItemFactory.build(
        validity=Validity.REPEALED, validity_changed_on=None, unit=UnitFactory()
    )
    assert "validity_changed_on" in validity.validate_validity(item)
    item.validity_changed_on = dt.date(2000, 1, 1)
    assert "validity_changed_on" in validity.validate_validity(item), "repeal before date written"


def test_marking_repealed_publishes_and_audits(cols):
    from gongkai.core.audit import entries_for

    new = InformationItemFactory()
    old = InformationItemFactory(date_written=dt.date(2020, 1, 1))
    validity.mark(old, Validity.REPEALED, on=dt.date(2026, 3, 1), replaced_by=new)
    old.refresh_from_db()
    assert old.live and old.validity == Validity.REPEALED and old.replaced_by == new
    assert any(e.additional_data.get("event") == "validity_changed" for e in entries_for(old))


def test_interpretation_oversight(cols):
    """Documents that should have an interpretation and do not; and whether it was released together."""
    unit = UnitFactory()
    explained = InformationItemFactory(unit=unit, genre=Genre.NORMATIVE_DOCUMENT)
    unexplained = InformationItemFactory(unit=unit, genre=Genre.NORMATIVE_DOCUMENT)
    InformationItemFactory(unit=unit, genre=Genre.NEWS)
    interp = PolicyInterpretationPage(
        title="图解：就业补贴新政", slug="tujie", policy=explained, unit=unit, kind="illustrated"
    )
    unit_column(unit).add_child(instance=interp)
    interp.save_revision().publish()
    assert list(interpretations.needing_interpretation([unit.pk])) == [unexplained]
    rows = {r.item.pk: r for r in interpretations.status([unit.pk])}
    assert rows[explained.pk].released_together is True
    assert rows[unexplained.pk].released_together is None
    assert explained.interpretations.live().get() == interp.page_ptr.specific


def test_standard_list_entry_overdue(cols):
    """54号: the standard list gives each item's time limit; periodic entries without publication are overdue."""
    unit = UnitFactory()
    entry = StandardCatalogueEntryFactory(responsible_unit=unit, frequency=Frequency.QUARTERLY)
    status = standard_list.entry_status(entry, today=dt.date(2026, 5, 20))
    assert status.overdue  # nothing for Q1 2026, due 20 working days after 31 March
    item = InformationItemFactory(unit=unit, date_written=dt.date(2026, 3, 15))
    entry.items.add(item)
    status = standard_list.entry_status(entry, today=dt.date(2026, 5, 20))
    assert not status.overdue and status.items == [item]
    as_occurs = StandardCatalogueEntryFactory(responsible_unit=unit)
    late = set_published(
        InformationItemFactory(unit=unit, date_written=dt.date(2026, 1, 5)), dt.date(2026, 4, 1)
    )
    as_occurs.items.add(late)
    assert standard_list.entry_status(as_occurs).overdue
