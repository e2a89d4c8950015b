"""Who may do what with appeal cases: the respondent unit's case handlers and the disclosure office
change them; the unit's staff (and the co-defendant's) and evaluators read them."""

from gongkai.organizations.policies import CASEWORK, UnitScopedPermissionPolicy

from .models import AppealCase


def _case_of(instance) -> AppealCase:
    return instance if isinstance(instance, AppealCase) else instance.case


class AppealPermissionPolicy(UnitScopedPermissionPolicy):
    """The shared unit-scoped policy, on the respondent unit, where the co-defendant unit also reads."""

    def __init__(self, model):
        unit_field = "respondent_unit" if model is AppealCase else "case__respondent_unit"
        super().__init__(model, unit_field=unit_field, actions={**CASEWORK, "delete": CASEWORK["change"]})

    def user_has_permission_for_instance(self, user, action, instance):
        if action == "view":
            return AppealCase.objects.for_user(user).filter(pk=_case_of(instance).pk).exists()
        return super().user_has_permission_for_instance(user, action, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        if "view" not in actions:
            return super().instances_user_has_any_permission_for(user, actions)
        cases = AppealCase.objects.for_user(user)
        return cases if self.model is AppealCase else self.model.objects.filter(case__in=cases)
