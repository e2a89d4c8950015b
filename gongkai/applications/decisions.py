"""Decisions: the handler drafts, the unit's reviewer approves, the disclosure office signs off (art. 36–39, 45).

Closing requires exactly one Table III outcome with a legal basis allowed by the §1.9 mapping.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.audit import record_event
from gongkai.organizations.models import Role
from gongkai.organizations.permissions import Action, is_office_admin, require, unit_ids_with_roles

from . import clock, letters
from .models import Application, Decision, DecisionState, LetterKind, Status, WithheldPart
from .outcomes import (
    ADMINISTRATIVE_OUTCOMES,
    Outcome,
    bases_for,
    group_of,
    is_valid_basis,
    precondition_error,
)


def _validate(outcome: str, legal_basis: str, text: str, withheld: list[dict]) -> None:
    if outcome not in Outcome.values:
        raise ValidationError(_("Choose one of the outcomes of the annual report."))
    if not is_valid_basis(outcome, legal_basis):
        allowed = "、".join(b.articles for b in bases_for(outcome))
        raise ValidationError(
            _("The legal basis does not fit this outcome; allowed: %(allowed)s.") % {"allowed": allowed}
        )
    if not text.strip():
        raise ValidationError(_("Write the facts and reasons of the decision."))
    if outcome == Outcome.PARTIAL and not withheld:
        raise ValidationError(_("A partial disclosure must list the withheld parts and why (art. 37)."))
    for part in withheld:
        if not (part.get("description") or "").strip() or group_of(part.get("ground") or "granted") != "deny":
            raise ValidationError(
                _("Each withheld part needs a description and a ground for not disclosing it.")
            )


@transaction.atomic
def draft(app: Application, actor, *, outcome: str, legal_basis: str, text: str, withheld=()) -> Decision:
    """Art. 36–39: the handler drafts the decision with its outcome and legal basis (§1.9)."""
    app = Application.objects.select_for_update().get(pk=app.pk)
    require(actor, Action.HANDLE_CASE, app.handling_unit)
    if app.is_closed:
        raise ValidationError(_("This case is closed."))
    if app.received_on is None:
        raise ValidationError(_("Confirm the date of receipt first (art. 31)."))
    withheld = list(withheld or [])
    _validate(outcome, legal_basis, text, withheld)
    _require_facts(app, outcome, timezone.localdate())
    app.decisions.filter(state__in=[DecisionState.DRAFT, DecisionState.RETURNED]).delete()
    decision = Decision.objects.create(
        application=app, outcome=outcome, legal_basis=legal_basis, text=text, drafted_by=actor
    )
    app.withheld_parts.all().delete()
    WithheldPart.objects.bulk_create(
        WithheldPart(
            application=app, description=p["description"], ground=p["ground"], reason=p.get("reason", "")
        )
        for p in withheld
    )
    record_event(
        app, "decision_drafted", actor=actor, changes={"outcome": ["", outcome]}, message=legal_basis
    )
    return decision


def _require_facts(app: Application, outcome: str, on: dt.date) -> None:
    problem = precondition_error(app, outcome, on)
    if problem:
        raise ValidationError(problem)


def _transition(
    decision: Decision, actor, to_state: str, app_status: str, event: str, comment: str = ""
) -> Decision:
    decision.state = to_state
    decision.comment = comment or decision.comment
    decision.save()
    app = decision.application
    previous = app.status
    app.status = app_status
    app.save(update_fields=["status", "updated_at"])
    record_event(app, event, actor=actor, changes={"status": [previous, app_status]}, message=comment)
    return decision


@transaction.atomic
def submit(decision: Decision, actor) -> Decision:
    require(actor, Action.HANDLE_CASE, decision.application.handling_unit)
    if decision.state not in (DecisionState.DRAFT, DecisionState.RETURNED):
        raise ValidationError(_("Only a draft can be submitted for review."))
    return _transition(decision, actor, DecisionState.SUBMITTED, Status.REVIEW, "decision_submitted")


def may_review(actor, decision: Decision | None) -> bool:
    """Art. 45: the handling unit's reviewer (not the drafter) or the disclosure office reviews."""
    if decision is None:
        return False
    if is_office_admin(actor):
        return True
    unit_id = decision.application.handling_unit_id
    return unit_id in unit_ids_with_roles(actor, {Role.UNIT_REVIEWER}) and decision.drafted_by_id != actor.pk


def _require_reviewer(decision: Decision, actor) -> None:
    unit_id = decision.application.handling_unit_id
    if is_office_admin(actor):
        return
    if unit_id not in unit_ids_with_roles(actor, {Role.UNIT_REVIEWER}):
        raise PermissionDenied(_("Only a reviewer of the handling unit can approve this decision."))
    if decision.drafted_by_id == actor.pk:
        raise PermissionDenied(_("The drafter cannot approve their own decision."))


@transaction.atomic
def approve(decision: Decision, actor, comment: str = "") -> Decision:
    """Art. 45: review before reply."""
    _require_reviewer(decision, actor)
    if decision.state != DecisionState.SUBMITTED:
        raise ValidationError(_("Only a submitted decision can be approved."))
    decision.reviewed_by = actor
    return _transition(decision, actor, DecisionState.APPROVED, Status.SIGN_OFF, "decision_approved", comment)


@transaction.atomic
def return_for_revision(decision: Decision, actor, comment: str) -> Decision:
    if decision.state == DecisionState.SUBMITTED:
        _require_reviewer(decision, actor)
    elif decision.state == DecisionState.APPROVED:
        if not is_office_admin(actor):
            raise PermissionDenied(_("Only the disclosure office can return an approved decision."))
    else:
        raise ValidationError(_("This decision is not awaiting review or sign-off."))
    if not comment.strip():
        raise ValidationError(_("Say what needs to be revised."))
    return _transition(
        decision, actor, DecisionState.RETURNED, Status.IN_PROGRESS, "decision_returned", comment
    )


@transaction.atomic
def sign_off(decision: Decision, actor, *, replied_on: dt.date | None = None):
    """The disclosure office signs off: the case closes with the outcome and the reply letter is issued."""
    if not is_office_admin(actor):
        raise PermissionDenied(_("Only the disclosure office can sign off a reply."))
    if decision.state != DecisionState.APPROVED:
        raise ValidationError(_("Only an approved decision can be signed off."))
    _require_facts(decision.application, decision.outcome, replied_on or timezone.localdate())
    decision.signed_by = actor
    decision.state = DecisionState.SIGNED
    decision.save()
    app = _close(
        decision.application, actor, decision.outcome, decision.legal_basis, decision.text, replied_on
    )
    letter = letters.issue(app, LetterKind.REPLY, actor=actor, issued_on=app.closed_on, decision=decision)
    return app, letter


@transaction.atomic
def close_without_decision(
    app: Application, actor, *, outcome: str, closed_on: dt.date, reason: str
) -> Application:
    """Art. 30 (no correction in time), fee measures (fee unpaid in time), withdrawal (counts as ``other_other``)."""
    app = Application.objects.select_for_update().get(pk=app.pk)
    require(actor, Action.HANDLE_CASE, app.handling_unit)
    if outcome not in ADMINISTRATIVE_OUTCOMES:
        raise ValidationError(_("This outcome needs a reviewed decision."))
    if not reason.strip():
        raise ValidationError(_("Give the reason for closing the case."))
    _require_facts(app, outcome, closed_on)
    basis = bases_for(outcome)[0].articles
    return _close(app, actor, outcome, basis, reason, closed_on)


def _close(app: Application, actor, outcome, legal_basis, text, closed_on) -> Application:
    closed_on = closed_on or timezone.localdate()
    if app.is_closed:
        raise ValidationError(_("This case is closed."))
    if app.received_on and closed_on < app.received_on:
        raise ValidationError(_("The reply date cannot be before the date of receipt."))
    if closed_on > timezone.localdate():
        raise ValidationError(_("The date cannot be in the future."))
    # Closing ends every open stop, the correction included: nothing is awaited on a closed case.
    for stop in app.clock_segments.filter(ended_on__isnull=True):
        stop.ended_on = max(closed_on, stop.started_on)
        stop.save(update_fields=["ended_on"])
    previous = app.status
    if app.received_on is None:  # closed before receipt was confirmed (e.g. withdrawn): receipt = closing day
        app.received_on = closed_on
    app.outcome, app.legal_basis, app.decision_text = outcome, legal_basis, text
    app.closed_on, app.status = closed_on, Status.CLOSED
    app.save()
    state = clock.compute(app)
    record_event(
        app, "closed", actor=actor,
        changes={"status": [previous, Status.CLOSED], "outcome": ["", outcome], "closed_on": [None, closed_on]},
        message=str(_("Replied on time") if state.replied_on_time else _("Replied late")),
    )  # fmt: skip
    return app
