"""A unit's staff see only their unit's records unless their role says otherwise (issue #3, item 4)."""

import pytest

from django.core.exceptions import PermissionDenied

from gongkai.organizations import permissions
from gongkai.organizations.factories import UnitFactory, UserFactory, staff
from gongkai.organizations.models import Membership, Role, Unit
from gongkai.organizations.permissions import Action

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_units():
    return UnitFactory(slug="a", name="甲局"), UnitFactory(slug="b", name="乙局")


def test_unit_staff_see_only_their_unit(two_units):
    unit_a, unit_b = two_units
    editor = staff(Role.UNIT_EDITOR, unit_a)
    assert list(permissions.units_visible_to(editor)) == [unit_a]
    assert permissions.can(editor, Action.VIEW, unit_a)
    assert not permissions.can(editor, Action.VIEW, unit_b)
    assert list(Unit.objects.for_user(editor)) == [unit_a]


def test_roles_grant_only_their_actions(two_units):
    unit_a, _ = two_units
    editor = staff(Role.UNIT_EDITOR, unit_a)
    reviewer = staff(Role.UNIT_REVIEWER, unit_a)
    handler = staff(Role.UNIT_CASE_HANDLER, unit_a)
    assert permissions.can(editor, Action.EDIT_CONTENT, unit_a)
    assert not permissions.can(editor, Action.REVIEW_CONTENT, unit_a)
    assert not permissions.can(editor, Action.HANDLE_CASE, unit_a)
    assert permissions.can(reviewer, Action.REVIEW_CONTENT, unit_a)
    assert permissions.can(handler, Action.HANDLE_CASE, unit_a)
    assert not permissions.can(handler, Action.EDIT_CONTENT, unit_a)
    for user in (editor, reviewer, handler):
        assert not permissions.can(user, Action.ADMINISTER, unit_a)


def test_office_admin_acts_across_the_district(two_units):
    unit_a, unit_b = two_units
    admin = staff(Role.OFFICE_ADMIN, unit_a)
    for unit in two_units:
        for action in set(Action) - permissions.UNIT_ONLY_ACTIONS:
            assert permissions.can(admin, action, unit)
    assert set(permissions.units_visible_to(admin)) == {unit_a, unit_b}


def test_only_the_units_own_office_head_approves_extensions(two_units):
    """Art. 33 ¶2: "经政府信息公开工作机构负责人同意" — the head of the handling agency's own office,
    not the district office and not another unit's head."""
    unit_a, unit_b = two_units
    head_a = staff(Role.OFFICE_HEAD, unit_a)
    assert permissions.can(head_a, Action.APPROVE_EXTENSION, unit_a)
    assert not permissions.can(head_a, Action.APPROVE_EXTENSION, unit_b)
    assert not permissions.can(staff(Role.OFFICE_ADMIN, unit_b), Action.APPROVE_EXTENSION, unit_a)
    assert permissions.can(head_a, Action.HANDLE_CASE, unit_a)


def test_evaluator_reads_everything_and_changes_nothing(two_units):
    unit_a, unit_b = two_units
    evaluator = staff(Role.EVALUATOR, unit_a)
    assert set(permissions.units_visible_to(evaluator)) == {unit_a, unit_b}
    assert permissions.can(evaluator, Action.VIEW, unit_b)
    for action in (Action.EDIT_CONTENT, Action.REVIEW_CONTENT, Action.HANDLE_CASE, Action.ADMINISTER):
        assert not permissions.can(evaluator, action, unit_b)
    with pytest.raises(PermissionDenied):
        permissions.require(evaluator, Action.EDIT_CONTENT, unit_b)


def test_public_users_and_anonymous_have_no_staff_rights(two_units):
    from django.contrib.auth.models import AnonymousUser

    applicant = UserFactory()
    for user in (applicant, AnonymousUser()):
        assert not permissions.is_staff_member(user)
        assert not permissions.units_visible_to(user).exists()
        assert not permissions.can(user, Action.VIEW, two_units[0])


def test_scope_queryset_filters_by_unit_field(two_units):
    unit_a, unit_b = two_units
    handler = staff(Role.UNIT_CASE_HANDLER, unit_a)
    memberships = Membership.objects.all()
    scoped = permissions.scope_queryset(memberships, handler, unit_field="unit")
    assert {m.unit_id for m in scoped} == {unit_a.pk}


def test_inactive_membership_grants_nothing(two_units):
    from gongkai.organizations.services import revoke_role

    unit_a, _ = two_units
    editor = staff(Role.UNIT_EDITOR, unit_a)
    revoke_role(editor, unit_a, Role.UNIT_EDITOR)
    assert not permissions.can(editor, Action.EDIT_CONTENT, unit_a)
    assert not editor.groups.exists()


def test_roles_put_staff_into_wagtail_groups(two_units):
    editor = staff(Role.UNIT_EDITOR, two_units[0])
    assert editor.has_perm("wagtailadmin.access_admin")
