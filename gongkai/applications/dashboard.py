"""The staff dashboard panel of casework: what this person has to do next, by role."""

from django.db.models import Q
from django.utils import timezone
from wagtail.admin.ui.components import Component

from gongkai.organizations.models import Role
from gongkai.organizations.permissions import Action, is_office_admin, unit_ids_with_roles

from .inbox import due_soon_limit
from .models import Application, DecisionState, Status


def my_work(user, today=None) -> dict:
    """Counts and the first cases of each queue ``user`` works on (empty queues are left out)."""
    today = today or timezone.localdate()
    limit = due_soon_limit(today)
    handled = Application.objects.for_user(user, Action.HANDLE_CASE).open()
    mine = handled.filter(Q(handler=user) | Q(handler__isnull=True))
    queues = {
        "due_soon": mine.filter(due_on__gte=today, due_on__lte=limit).order_by("due_on"),
        "overdue": mine.filter(due_on__lt=today).order_by("due_on"),
        "unconfirmed": handled.filter(received_on__isnull=True).order_by("submitted_on"),
    }
    reviewer_units = unit_ids_with_roles(user, {Role.UNIT_REVIEWER})
    if reviewer_units or is_office_admin(user):
        review = Application.objects.filter(decisions__state=DecisionState.SUBMITTED).exclude(
            decisions__drafted_by=user
        )
        if not is_office_admin(user):
            review = review.filter(handling_unit_id__in=reviewer_units)
        queues["awaiting_review"] = review.distinct().order_by("due_on")
    if is_office_admin(user):
        queues["awaiting_sign_off"] = Application.objects.filter(status=Status.SIGN_OFF).order_by("due_on")
    counted = {key: (qs, qs.count()) for key, qs in queues.items()}
    return {key: {"count": n, "cases": list(qs[:5])} for key, (qs, n) in counted.items() if n}


class MyCasesPanel(Component):
    name = "my_cases"
    order = 50
    template_name = "applications/admin/dashboard_panel.html"

    def __init__(self, queues):
        self.queues = queues

    def get_context_data(self, parent_context):
        return {"queues": self.queues}
