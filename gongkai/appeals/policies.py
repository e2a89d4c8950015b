"""Who may do what with appeal cases: the respondent unit's case handlers and the disclosure office
change them; the unit's staff (and the co-defendant's) and evaluators read them."""

from django.contrib.auth import get_user_model
from wagtail.permission_policies.base import BasePermissionPolicy

from gongkai.organizations import permissions
from gongkai.organizations.permissions import Action

from .models import AppealCase


def _case_of(instance) -> AppealCase:
    return instance if isinstance(instance, AppealCase) else instance.case


class AppealPermissionPolicy(BasePermissionPolicy):
    def user_has_permission(self, user, action):
        if action == "view":
            return permissions.is_staff_member(user)
        return permissions.units_for_action(user, Action.HANDLE_CASE).exists()

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        return get_user_model().objects.filter(is_active=True, memberships__is_active=True).distinct()

    def user_has_permission_for_instance(self, user, action, instance):
        case = _case_of(instance)
        if action == "view":
            return AppealCase.objects.for_user(user).filter(pk=case.pk).exists()
        return permissions.can(user, Action.HANDLE_CASE, case.respondent_unit_id)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, a, instance) for a in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        if "view" in actions:
            cases = AppealCase.objects.for_user(user)
        else:
            cases = AppealCase.objects.for_user(user, Action.HANDLE_CASE)
        if self.model is AppealCase:
            return cases
        return self.model.objects.filter(case__in=cases)
