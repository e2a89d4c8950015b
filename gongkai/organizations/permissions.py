"""Who may do what to which unit's records. Every view and API asks these functions.

A unit's staff see only their unit's records; the disclosure office administrators act across the
district; evaluators read across the district and change nothing.
"""

from enum import StrEnum

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from .models import Membership, Role, Unit


class Action(StrEnum):
    VIEW = "view"
    EDIT_CONTENT = "edit_content"
    REVIEW_CONTENT = "review_content"
    HANDLE_CASE = "handle_case"
    APPROVE_EXTENSION = "approve_extension"
    ADMINISTER = "administer"


# Roles that grant an action within their own unit.
UNIT_ROLES_FOR_ACTION: dict[Action, set[str]] = {
    Action.VIEW: {Role.UNIT_EDITOR, Role.UNIT_REVIEWER, Role.UNIT_CASE_HANDLER, Role.OFFICE_HEAD},
    Action.EDIT_CONTENT: {Role.UNIT_EDITOR, Role.UNIT_REVIEWER},
    Action.REVIEW_CONTENT: {Role.UNIT_REVIEWER},
    Action.HANDLE_CASE: {Role.UNIT_CASE_HANDLER, Role.OFFICE_HEAD},
    Action.APPROVE_EXTENSION: {Role.OFFICE_HEAD},
    Action.ADMINISTER: set(),
}


# Rights the law gives to a person in the unit itself, which the district office does not get by default.
UNIT_ONLY_ACTIONS = {Action.APPROVE_EXTENSION}


def _memberships(user):
    if not getattr(user, "is_authenticated", False):
        return []
    cache = getattr(user, "_gongkai_memberships", None)
    if cache is None:
        cache = list(Membership.objects.active().filter(user=user).values_list("unit_id", "role"))
        user._gongkai_memberships = cache
    return cache


def clear_cache(user) -> None:
    if hasattr(user, "_gongkai_memberships"):
        del user._gongkai_memberships


def is_office_admin(user) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.is_superuser or any(role == Role.OFFICE_ADMIN for _, role in _memberships(user))


def is_evaluator(user) -> bool:
    return any(role == Role.EVALUATOR for _, role in _memberships(user))


def is_staff_member(user) -> bool:
    return is_office_admin(user) or bool(_memberships(user))


def sees_all_units(user) -> bool:
    return is_office_admin(user) or is_evaluator(user)


def unit_ids_with_roles(user, roles) -> set[int]:
    return {unit_id for unit_id, role in _memberships(user) if role in roles}


def units_visible_to(user):
    """Units whose records ``user`` may read."""
    if sees_all_units(user):
        return Unit.objects.all()
    return Unit.objects.filter(pk__in=unit_ids_with_roles(user, UNIT_ROLES_FOR_ACTION[Action.VIEW]))


def units_for_action(user, action: Action):
    """Units in which ``user`` may perform ``action``."""
    action = Action(action)
    if is_office_admin(user) and action not in UNIT_ONLY_ACTIONS:
        return Unit.objects.all()
    if action == Action.VIEW:
        return units_visible_to(user)
    return Unit.objects.filter(pk__in=unit_ids_with_roles(user, UNIT_ROLES_FOR_ACTION[action]))


def can(user, action: Action, unit: Unit | int | None) -> bool:
    action = Action(action)
    if action in UNIT_ONLY_ACTIONS:
        unit_id = unit if isinstance(unit, int) or unit is None else unit.pk
        return unit_id in unit_ids_with_roles(user, UNIT_ROLES_FOR_ACTION[action])
    if is_office_admin(user):
        return True
    if action == Action.VIEW and is_evaluator(user):
        return True
    if unit is None:
        return False
    unit_id = unit if isinstance(unit, int) else unit.pk
    return unit_id in unit_ids_with_roles(user, UNIT_ROLES_FOR_ACTION[action])


def require(user, action: Action, unit: Unit | int | None) -> None:
    """Raise ``PermissionDenied`` with a message the user can read unless ``can()`` allows it."""
    if not can(user, action, unit):
        raise PermissionDenied(_("You do not have permission to do this for this unit."))


def scope_queryset(queryset, user, unit_field: str = "unit", action: Action = Action.VIEW):
    """Limit ``queryset`` to rows whose ``unit_field`` is a unit where ``user`` may do ``action``."""
    if is_office_admin(user) or (Action(action) == Action.VIEW and is_evaluator(user)):
        return queryset
    unit_ids = units_for_action(user, action).values("pk")
    return queryset.filter(**{f"{unit_field}__in": unit_ids})
