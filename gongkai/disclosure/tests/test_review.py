import datetime as dt

import pytest

from gongkai.disclosure.factories import InformationItemFactory, unit_column
from gongkai.disclosure.models import InformationItemPage
from gongkai.disclosure.permissions import can_edit_page
from gongkai.organizations.factories import UnitFactory, staff
from gongkai.organizations.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(cols):
    hrss, housing = UnitFactory(slug="hrss"), UnitFactory(slug="housing")
    return {
        "hrss": hrss,
        "housing": housing,
        "editor": staff(Role.UNIT_EDITOR, hrss),
        "reviewer": staff(Role.UNIT_REVIEWER, hrss),
        "other_reviewer": staff(Role.UNIT_REVIEWER, housing),
        "office": staff(Role.OFFICE_ADMIN, UnitFactory(slug="gov-office")),
    }


def test_three_reviews_before_publication(world):
    """Editor → unit reviewer → disclosure office: nothing reaches the public without approval,
    and the index number is given at publication."""
    item = InformationItemFactory(unit=world["hrss"], publish=False, user=world["editor"])
    workflow = item.get_workflow()
    assert workflow is not None and workflow.name == "三审:hrss"
    state = workflow.start(item, world["editor"])

    unit_task = state.current_task_state.task.specific
    # A reviewer of another unit may not act on this unit's review step.
    assert unit_task.get_actions(item, world["other_reviewer"]) == []
    assert unit_task.get_actions(item, world["office"]) == []
    assert [a[0] for a in unit_task.get_actions(item, world["reviewer"])][:1] == ["reject"]
    state.current_task_state.approve(user=world["reviewer"], comment="内容准确，同意报送。")
    state.refresh_from_db()
    item.refresh_from_db()
    assert not item.live, "approved by the unit only: not public yet"
    assert item.index_number is None

    office_task = state.current_task_state.task.specific
    assert office_task.get_actions(item, world["reviewer"]) == []
    state.current_task_state.approve(user=world["office"], comment="同意公开。")
    item.refresh_from_db()
    assert item.live
    assert item.index_number == f"{world['hrss'].code}/2026-00001"
    assert item.date_published is not None


def test_rejection_sends_the_draft_back_with_a_comment(world):
    item = InformationItemFactory(unit=world["hrss"], publish=False)
    state = item.get_workflow().start(item, world["editor"])
    state.current_task_state.reject(user=world["reviewer"], comment="文号有误，请修改。")
    state.refresh_from_db()
    item.refresh_from_db()
    assert state.status == state.STATUS_NEEDS_CHANGES
    assert not item.live
    assert state.current_task_state.comment == "文号有误，请修改。"


def test_unit_groups_cannot_publish_directly(world):
    """Unit staff have add/change rights on their column but never publish rights."""
    column = unit_column(world["hrss"])
    perms = column.permissions_for_user(world["editor"])
    assert perms.can_add_subpage() and perms.can_edit()
    assert not perms.can_publish()
    assert column.permissions_for_user(world["office"]).can_publish()


def test_staff_of_one_unit_cannot_edit_another_units_items(world, client):
    """Staff of one unit cannot edit another unit's columns or items (Wagtail permissions and service layer)."""
    theirs = InformationItemFactory(unit=world["housing"])
    mine = InformationItemFactory(unit=world["hrss"])
    assert can_edit_page(world["editor"], mine)
    assert not can_edit_page(world["editor"], theirs)
    assert can_edit_page(world["office"], theirs)
    assert not theirs.permissions_for_user(world["editor"]).can_edit()

    client.force_login(world["editor"])
    assert client.get(f"/admin/pages/{mine.pk}/edit/").status_code == 200
    response = client.get(f"/admin/pages/{theirs.pk}/edit/")
    assert response.status_code in (302, 403)
    other_column = unit_column(world["housing"])
    response = client.get(f"/admin/pages/add/disclosure/informationitempage/{other_column.pk}/")
    assert response.status_code in (302, 403)


def test_editor_creates_item_in_own_column_through_the_admin(world, client):
    column = unit_column(world["hrss"])
    client.force_login(world["editor"])
    url = f"/admin/pages/add/disclosure/informationitempage/{column.pk}/"
    form = client.get(url).context["form"]
    # Only the editor's own unit can be chosen as issuing unit.
    assert list(form.fields["unit"].queryset) == [world["hrss"]]
    data = {
        "title": "清河区2026年度就业补贴申领指南",
        "slug": "jiuye-butie-2026",
        "unit": world["hrss"].pk,
        "date_written": "2026-03-02",
        "subject_category": "labour",
        "genre": "notice",
        "validity": "in_force",
        "disclosure_attribute": "proactive",
        "attachments-TOTAL_FORMS": "0",
        "attachments-INITIAL_FORMS": "0",
        "attachments-MIN_NUM_FORMS": "0",
        "attachments-MAX_NUM_FORMS": "1000",
        "action-submit": "1",
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    item = InformationItemPage.objects.get(slug="jiuye-butie-2026")
    assert not item.live
    assert item.current_workflow_state is not None
    assert item.date_written == dt.date(2026, 3, 2)


def test_item_unit_must_match_its_column(world):
    from django.core.exceptions import ValidationError

    item = InformationItemFactory(unit=world["hrss"])
    item.unit = world["housing"]
    with pytest.raises(ValidationError) as excinfo:
        item.full_clean()
    assert "unit" in excinfo.value.message_dict
