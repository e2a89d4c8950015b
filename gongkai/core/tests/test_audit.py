"""Every create/update/state change writes who, when, what and before/after; nobody edits it."""

import pytest

from django.urls import reverse

from gongkai.core.audit import LogEntry, acting_as, record_event
from gongkai.organizations.factories import UnitFactory, staff
from gongkai.organizations.models import Role

pytestmark = pytest.mark.django_db


def test_actor_is_recorded():
    admin = staff(Role.OFFICE_ADMIN)
    with acting_as(admin):
        unit = UnitFactory(slug="x")
    entry = LogEntry.objects.get_for_object(unit).get()
    assert entry.actor == admin
    assert entry.action == LogEntry.Action.CREATE


def test_domain_events_share_the_log():
    admin = staff(Role.OFFICE_ADMIN)
    unit = UnitFactory(slug="y")
    entry = record_event(
        unit, "guide_published", actor=admin, changes={"status": ["draft", "live"]}, message="ok"
    )
    assert entry.additional_data["event"] == "guide_published"
    assert entry.changes_dict == {"status": ["draft", "live"]}
    assert entry.actor == admin


def test_audit_screen_is_read_only_and_for_the_office(client):
    unit = UnitFactory(slug="z")
    entry = LogEntry.objects.get_for_object(unit).first()
    admin = staff(Role.OFFICE_ADMIN)
    evaluator = staff(Role.EVALUATOR)
    editor = staff(Role.UNIT_EDITOR, unit)

    index = reverse("audit_log:index")
    inspect = reverse("audit_log:inspect", args=[entry.pk])
    for user in (admin, evaluator):
        client.force_login(user)
        response = client.get(index, {"content_type": entry.content_type_id, "object_pk": str(unit.pk)})
        assert response.status_code == 200
        assert unit.name in response.content.decode()
        assert client.get(inspect).status_code == 200
    client.force_login(editor)
    assert client.get(index).status_code in (302, 403)
    # No add/edit/delete screens exist at all.
    client.force_login(admin)
    for suffix in ("new/", f"edit/{entry.pk}/", f"delete/{entry.pk}/"):
        assert client.get(index + suffix).status_code == 404
