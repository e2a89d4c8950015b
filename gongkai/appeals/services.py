"""Recording cases: create and update them with their deadlines, links to applications and audit."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.applications.models import Application
from gongkai.core.audit import record_event
from gongkai.organizations.permissions import Action, require

from .deadlines import fill_deadlines
from .models import AppealCase, AppealResult


def parse_tracking_numbers(text: str) -> list[str]:
    return [part for part in text.replace("，", ",").replace(";", ",").replace(",", " ").split() if part]


def applications_for(numbers: list[str], user=None):
    """The applications with these tracking numbers, or a ValidationError naming the missing ones."""
    qs = Application.objects.filter(tracking_number__in=numbers)
    if user is not None:
        qs = qs.for_user(user)
    found = {a.tracking_number: a for a in qs}
    missing = [n for n in numbers if n not in found]
    if missing:
        raise ValidationError(
            _("No application you may see has the tracking number %(numbers)s.")
            % {"numbers": "、".join(missing)}
        )
    return list(found.values())


@transaction.atomic
def save_case(case: AppealCase, *, user=None, applications=None) -> AppealCase:
    """Validate and save ``case``; link ``applications`` if given. Records a decision as an event."""
    if user is not None:
        require(user, Action.HANDLE_CASE, case.respondent_unit_id)
    before = None
    if case.pk:
        before = AppealCase.objects.filter(pk=case.pk).values("result", "decided_on").first()
    fill_deadlines(case)
    case.full_clean()
    case.save()
    if applications is not None:
        case.applications.set(applications)
    if before and before["result"] != case.result and case.result != AppealResult.PENDING:
        record_event(
            case,
            "appeal_decided",
            actor=user,
            changes={
                "result": [before["result"], case.result],
                "decided_on": [before["decided_on"], case.decided_on],
            },
        )
    return case
