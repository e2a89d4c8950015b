"""Staff screens in the Wagtail admin: inbox, case page, actions, export, private files."""

import datetime as dt

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gongkai.core.audit import entries_for
from gongkai.core.audit_display import event_label, readable
from gongkai.core.personal_data import mask_changes
from gongkai.organizations.models import Unit
from gongkai.organizations.permissions import (
    Action,
    can,
    is_office_admin,
    is_staff_member,
    units_for_action,
)
from gongkai.workdays.calendar import CalendarNotCovered

from .. import clock, decisions, intake, letters, repeats
from ..forms import StaffRegistrationForm
from ..models import Application, SegmentKind
from ..outcomes import LEGAL_BASIS, Outcome
from ..serializers import may_see_applicant
from .actions import ACTIONS


def _staff(request):
    if not is_staff_member(request.user):
        raise PermissionDenied(_("Only staff of the district's units may see this."))


def _case(request, tracking_number) -> Application:
    _staff(request)
    qs = Application.objects.for_user(request.user).select_related("handling_unit", "handler")
    return get_object_or_404(qs, tracking_number=tracking_number)


def case_view(request, tracking_number):
    app = _case(request, tracking_number)
    state = clock.compute(app)
    handles = can(request.user, Action.HANDLE_CASE, app.handling_unit)
    decision = app.decisions.first()
    return render(request, "applications/admin/case.html", {
        "may_review": decisions.may_review(request.user, decision),
        "app": app, "state": state, "handles": handles, "office": is_office_admin(request.user),
        "see_applicant": may_see_applicant(request.user, app), "timeline": _timeline(request.user, app),
        "open_consultations": [c for c in app.clock_segments.all()
                               if c.kind in clock.CONSULTATION_KINDS and c.ended_on is None],
        "decision": decision, "signals": repeats.signals(app) if handles else [],
        "outcomes": Outcome.choices, "bases": {k: [b.articles for b in v] for k, v in LEGAL_BASIS.items()},
        "deny_grounds": [(k, v) for k, v in Outcome.choices if k.startswith("deny_")],
        "units": Unit.objects.active(), "today": timezone.localdate(),
        "consultation_kinds": [(SegmentKind.THIRD_PARTY, SegmentKind.THIRD_PARTY.label),
                               (SegmentKind.OTHER_AGENCY, SegmentKind.OTHER_AGENCY.label)],
    })  # fmt: skip


def _timeline(user, app):
    """Audit entries of the case; personal data only for staff who handle it."""
    see = may_see_applicant(user, app)
    rows = []
    for entry in entries_for(app)[:200]:
        changes = entry.changes_dict or {}
        if not see:
            changes = mask_changes("applications.application", changes)
        rows.append({"entry": entry, "event": event_label(entry), "changes": readable(entry, changes)})
    return rows


@require_POST
def case_action(request, tracking_number, action):
    app = _case(request, tracking_number)
    handler = ACTIONS.get(action)
    if handler is None:
        raise Http404
    try:
        handler(request, app)
    except (ValidationError, PermissionDenied, ValueError, CalendarNotCovered) as exc:
        text = " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
        messages.error(request, text or _("This action is not allowed."))
    else:
        messages.success(request, _("Saved."))
    return redirect("applications_admin:case", tracking_number=app.tracking_number)


def register_view(request):
    """Staff register applications received in person, orally, by post or fax: the units' case handlers."""
    _staff(request)
    if not units_for_action(request.user, Action.HANDLE_CASE).exists():
        raise PermissionDenied(_("Only case handlers register applications."))
    form = StaffRegistrationForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            submission = intake.submit(
                {**form.application_data(), "oral_record": d.get("oral_record", "")}, form.uploads(),
                channel=d["channel"], actor=request.user, idempotency_key=d.get("idempotency_key"),
                submitted_on=d["submitted_on"], signed_for_on=d.get("signed_for_on"), confirmed_on=d.get("confirmed_on"),
            )  # fmt: skip
        except (ValidationError, PermissionDenied) as exc:
            form.add_error(None, " ".join(getattr(exc, "messages", [str(exc)])))
        else:
            messages.success(
                request,
                _("Registered %(n)s. Verification code for the applicant: %(c)s")
                % {"n": submission.application.tracking_number, "c": submission.verification_code},
            )
            return redirect("applications_admin:case", tracking_number=submission.application.tracking_number)
    return render(request, "applications/admin/register.html", {"form": form})


def attachment_view(request, tracking_number, attachment_id):
    """Private files are served only here, to staff who handle the case."""
    app = _case(request, tracking_number)
    if not may_see_applicant(request.user, app):
        raise PermissionDenied(_("Only staff handling this case may open its files."))
    attachment = get_object_or_404(app.attachments, pk=attachment_id)
    response = FileResponse(attachment.file.open("rb"), content_type=attachment.content_type)
    response["Content-Disposition"] = (
        f'attachment; filename="{attachment.pk}-{attachment.file.name.rsplit("/", 1)[-1]}"'
    )
    response["Cache-Control"] = "private, no-store"
    return response


def letter_view(request, tracking_number, letter_id, fmt):
    """Letters name the applicant: only staff handling the case (and the office) may open them."""
    app = _case(request, tracking_number)
    if not may_see_applicant(request.user, app):
        raise PermissionDenied(_("Only staff handling this case may open its letters."))
    return letters.file_response(get_object_or_404(app.letters, pk=letter_id), fmt)


def parse_date(value, default=None) -> dt.date:
    if not value:
        if default is None:
            raise ValidationError(_("Enter a date."))
        return default
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise ValidationError(_("Enter a valid date (YYYY-MM-DD).")) from exc
