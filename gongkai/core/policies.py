from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies.base import BasePermissionPolicy

from gongkai.organizations import permissions
from gongkai.organizations.models import Role


class AuditLogPermissionPolicy(BasePermissionPolicy):
    """The audit log can be read by the disclosure office and evaluators, and changed by nobody."""

    def user_has_permission(self, user, action):
        return action == "view" and permissions.sees_all_units(user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return get_user_model().objects.none()
        return (
            get_user_model()
            .objects.filter(is_active=True)
            .filter(
                Q(is_superuser=True)
                | Q(memberships__role__in=[Role.OFFICE_ADMIN, Role.EVALUATOR], memberships__is_active=True)
            )
            .distinct()
        )

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def instances_user_has_any_permission_for(self, user, actions):
        if self.user_has_any_permission(user, actions):
            return self.model.objects.all()
        return self.model.objects.none()
