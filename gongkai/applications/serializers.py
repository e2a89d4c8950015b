"""The JSON of a case for staff. Applicant personal data only for staff who handle the case."""

from django.db.models import Q

from gongkai.organizations.models import Role
from gongkai.organizations.permissions import Action, can, unit_ids_with_roles

from . import clock
from .models import DecisionState


def may_see_applicant(user, app) -> bool:
    """Applicant personal data: the handling unit's case handlers, the office, and the unit reviewer
    while a decision on the case awaits their review or after they reviewed it (art. 45)."""
    if can(user, Action.HANDLE_CASE, app.handling_unit_id):
        return True
    if app.handling_unit_id not in unit_ids_with_roles(user, {Role.UNIT_REVIEWER}):
        return False
    return app.decisions.filter(Q(state=DecisionState.SUBMITTED) | Q(reviewed_by=user)).exists()


def case_json(app, user, state: clock.ClockState | None = None) -> dict:
    state = state or clock.compute(app)
    data = {
        "tracking_number": app.tracking_number,
        "status": app.status,
        "status_label": app.get_status_display(),
        "channel": app.channel,
        "handling_unit": app.handling_unit.slug,
        "handling_unit_name": app.handling_unit.name,
        "co_handling_units": [u.slug for u in app.co_handling_units.all()],
        "handler": app.handler.get_username() if app.handler else None,
        "applicant_type": app.applicant_type,
        "information_title": app.information_title,
        "document_number": app.document_number,
        "description": app.description,
        "information_form": app.information_form,
        "delivery_method": app.delivery_method,
        "submitted_on": _iso(app.submitted_on),
        "received_on": _iso(app.received_on),
        "due_date": _iso(state.due_date),
        "due_date_provisional": state.due_date_provisional,
        "due_date_reason": state.due_date_reason,
        "working_days_used": state.working_days_used,
        "working_days_remaining": state.working_days_remaining,
        "allowance": state.allowance,
        "overdue": state.overdue,
        "clock": [s.as_dict() for s in state.segments],
        "consultations": [
            {
                "id": c.pk, "kind": c.kind, "party": c.party, "sent_on": _iso(c.started_on),
                "party_received_on": _iso(c.party_received_on), "answer_due_on": _iso(c.expected_end_on),
                "answered_on": _iso(c.ended_on),
            }
            for c in app.clock_segments.all() if c.kind in clock.CONSULTATION_KINDS
        ],
        "outcome": app.outcome,
        "legal_basis": app.legal_basis,
        "closed_on": _iso(app.closed_on),
        "transferred_to": app.transferred_to,
        "arrived_on": _iso(app.arrived_on),
        "reasonable_deadline_on": _iso(app.reasonable_deadline_on),
        "fee_notices": [
            {
                "id": n.pk, "method": n.method, "quantity": n.quantity, "amount_yuan": float(n.amount_yuan),
                "issued_on": _iso(n.issued_on), "due_on": _iso(n.due_on), "paid_on": _iso(n.paid_on),
            }
            for n in app.fee_notices.all()
        ],
        "letters": [{"id": x.pk, "kind": x.kind, "number": x.number, "issued_on": _iso(x.issued_on)} for x in app.letters.all()],
        "decision": _decision(app),
    }  # fmt: skip
    if may_see_applicant(user, app):
        data["applicant"] = {
            "name": app.applicant_name, "organization_name": app.organization_name,
            "id_document_type": app.id_document_type, "id_document_number": app.id_document_number,
            "phone": app.phone, "email": app.email, "address": app.address, "postcode": app.postcode,
        }  # fmt: skip
    return data


def _decision(app):
    decision = app.decisions.first()
    if decision is None:
        return None
    return {
        "id": decision.pk,
        "state": decision.state,
        "outcome": decision.outcome,
        "legal_basis": decision.legal_basis,
    }


def _iso(d):
    return d.isoformat() if d else None
