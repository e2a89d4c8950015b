"""The one unit-scoped permission policy every staff screen goes through.

It is a Wagtail ``BasePermissionPolicy`` backed by ``permissions.py``: Wagtail's own machinery (menu
items, listing buttons, choosers, the generic views' permission checks) asks it, and the answers come
from memberships, not from Django model permissions, so no role depends on being a superuser.

A policy maps Wagtail's action names ("view", "add", "change", "delete", or any custom one) to a domain
``Action`` and finds the unit a record belongs to through ``unit_field`` (a ``__`` path, "pk" for the
unit itself, or ``None`` for district-wide records such as letter templates or the working-day calendar).
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies.base import BasePermissionPolicy

from . import permissions
from .models import Role
from .permissions import UNIT_ROLES_FOR_ACTION, Action

CONTENT = {"view": Action.VIEW, "add": Action.EDIT_CONTENT, "change": Action.EDIT_CONTENT}
CASEWORK = {"view": Action.VIEW, "add": Action.HANDLE_CASE, "change": Action.HANDLE_CASE}
OFFICE_ONLY = {"view": Action.ADMINISTER}


class UnitScopedPermissionPolicy(BasePermissionPolicy):
    """Records of a unit: its staff act on them as their role allows; the office everywhere; evaluators
    read everything and change nothing. Unmapped actions (delete, publish, …) are the office's."""

    def __init__(self, model, *, unit_field: str | None = "unit", actions: dict | None = None):
        super().__init__(model)
        self.unit_field = unit_field
        self.actions = {"view": Action.VIEW, **(actions or {})}

    def domain_action(self, action: str) -> Action:
        return self.actions.get(action, Action.ADMINISTER)

    # Whole-model questions (menus, "add" buttons, the listing's dispatch check).

    def user_has_permission(self, user, action):
        wanted = self.domain_action(action)
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return False
        if permissions.is_office_admin(user):
            return True
        if wanted == Action.VIEW:
            return permissions.is_staff_member(user)
        return permissions.units_for_action(user, wanted).exists()

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        roles = set()
        for action in actions:
            wanted = self.domain_action(action)
            roles |= UNIT_ROLES_FOR_ACTION[wanted]
            if wanted == Action.VIEW:
                roles.add(Role.EVALUATOR)
        roles.add(Role.OFFICE_ADMIN)
        return (
            get_user_model()
            .objects.filter(is_active=True)
            .filter(Q(is_superuser=True) | Q(memberships__role__in=roles, memberships__is_active=True))
            .distinct()
        )

    # Per-record questions.

    def unit_id_of(self, instance) -> int | None:
        if self.unit_field == "pk":
            return instance.pk
        value = instance
        for part in self.unit_field.split("__"):
            if value is None:
                return None
            value = getattr(value, part)
        return getattr(value, "pk", value)

    def user_has_permission_for_instance(self, user, action, instance):
        if self.unit_field is None:
            return self.user_has_permission(user, action)
        return permissions.can(user, self.domain_action(action), self.unit_id_of(instance))

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, a, instance) for a in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        queryset = self.model._default_manager.all()
        if self.unit_field is None:
            return queryset if self.user_has_any_permission(user, actions) else queryset.none()
        field = "pk" if self.unit_field == "pk" else self.unit_field
        scoped = queryset.none()
        for action in actions:
            scoped = scoped | permissions.scope_queryset(queryset, user, field, self.domain_action(action))
        return scoped.distinct() if len(actions) > 1 else scoped

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])
