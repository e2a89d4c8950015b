"""Staff endpoints (token-authenticated): list cases, clock events, fees, decisions — for units' office systems."""

from ninja import Query, Status
from ninja.security import HttpBearer

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from gongkai.organizations.models import Unit
from gongkai.organizations.permissions import is_staff_member
from gongkai.workdays.calendar import CalendarNotCovered

from . import clock, clock_events, decisions, fee_notices, receipt, routing, tokens
from .api import error, router
from .models import Application
from .schemas import (
    AssignIn,
    CloseIn,
    ConsultationEndIn,
    ConsultationIn,
    CorrectionIn,
    DateIn,
    DecisionIn,
    ExtensionIn,
    FeeNoticeIn,
    PaymentIn,
    ReviewIn,
    SignIn,
)  # fmt: skip
from .serializers import case_json


class StaffToken(HttpBearer):
    def authenticate(self, request, token):
        user = tokens.authenticate(token)
        if user is not None and is_staff_member(user):
            request.user = user
            return user
        return None


staff = StaffToken()
CASE = "/staff/cases/{tracking_number}"
# Every staff operation documents what it may answer: 401 without a valid token, 403 outside the
# caller's rights, 404 outside the caller's units, 422 for a rule the request breaks.
RESP = {200: dict, 400: dict, 401: dict, 403: dict, 404: dict, 422: dict}


def _case(request, tracking_number, action=None):
    qs = Application.objects.for_user(request.auth).select_related("handling_unit", "handler")
    return qs.filter(tracking_number=tracking_number).first()


def _run(request, tracking_number, fn):
    """Find the case in the user's scope, run the service, turn rule violations into clear JSON errors."""
    app = _case(request, tracking_number)
    if app is None:
        return error(404, "not_found", _("No case with this tracking number in your units."))
    try:
        fn(app)
    except PermissionDenied as exc:
        return error(403, "forbidden", str(exc) or _("You do not have permission to do this for this unit."))
    except ValidationError as exc:
        return error(422, "rule_violated", " ".join(exc.messages))
    except CalendarNotCovered as exc:
        return error(422, "calendar_not_covered", str(exc))
    app.refresh_from_db()
    return Status(200, case_json(app, request.auth))


@router.get("/staff/cases", auth=staff, response={200: dict, 401: dict, 422: dict}, url_name="staff_cases")
def list_cases(
    request,
    status: str = "",
    unit: str = "",
    overdue: bool = False,
    open: bool = False,
    limit: int = Query(100, ge=1, le=500),
    offset: int = Query(0, ge=0, le=10_000_000),
):
    """Cases of the caller's units (the disclosure office sees all), newest first."""
    qs = Application.objects.for_user(request.auth).select_related("handling_unit", "handler")
    if status:
        qs = qs.filter(status=status)
    if unit:
        qs = qs.filter(handling_unit__slug=unit)
    if open or overdue:
        qs = qs.open()
    items = []
    for app in qs.prefetch_related(
        "clock_segments", "letters", "fee_notices", "co_handling_units", "decisions"
    )[offset : offset + limit]:
        state = clock.compute(app)
        if overdue and not state.overdue:
            continue
        items.append(case_json(app, request.auth, state))
    return {"count": qs.count(), "items": items}


@router.get(CASE, auth=staff, response=RESP, url_name="staff_case")
def get_case(request, tracking_number: str):
    return _run(request, tracking_number, lambda app: None)


@router.get(CASE + "/clock", auth=staff, response=RESP, url_name="staff_case_clock")
def get_clock(request, tracking_number: str):
    """How the due date was computed: segments and the days the calendar skipped."""
    app = _case(request, tracking_number)
    if app is None:
        return error(404, "not_found", _("No case with this tracking number in your units."))
    state = clock.compute(app)
    steps = [
        {"text": s.text, "start": s.start, "end": s.end, "working_days": s.working_days,
         "holidays": [{"date": d.date, "name": d.name} for d in s.holidays],
         "make_up_workdays": [{"date": d.date, "name": d.name} for d in s.make_up_workdays], "weekends": s.weekends}
        for s in state.steps
    ]  # fmt: skip
    return Status(200, {**state.as_dict(), "steps": steps})


@router.post(CASE + "/receipt", auth=staff, response=RESP, url_name="staff_receipt")
def confirm_receipt(request, tracking_number: str, payload: DateIn):
    """Art. 31: record the day receipt was confirmed (online, fax, ordinary letter)."""
    return _run(
        request,
        tracking_number,
        lambda a: receipt.confirm_receipt(a, request.auth, confirmed_on=payload.on, note=payload.note),
    )


@router.post(CASE + "/assign", auth=staff, response=RESP, url_name="staff_assign")
def assign(request, tracking_number: str, payload: AssignIn):
    def run(app):
        unit = Unit.objects.filter(slug=payload.unit).first()
        if unit is None:
            raise ValidationError(_("Unknown unit."))
        handler = (
            get_user_model().objects.filter(username=payload.handler).first() if payload.handler else None
        )
        routing.assign(
            app,
            request.auth,
            unit=unit,
            co_units=list(Unit.objects.filter(slug__in=payload.co_units)),
            handler=handler,
        )

    return _run(request, tracking_number, run)


@router.post(CASE + "/correction", auth=staff, response=RESP, url_name="staff_correction")
def request_correction(request, tracking_number: str, payload: CorrectionIn):
    """Art. 30: correction notice within 7 working days of receipt; the clock stops."""
    return _run(
        request,
        tracking_number,
        lambda a: clock_events.request_correction(
            a,
            request.auth,
            notice_on=payload.notice_on,
            items=payload.items,
            period_working_days=payload.period_working_days,
            longer_reason=payload.longer_reason,
        ),
    )


@router.post(CASE + "/correction/received", auth=staff, response=RESP, url_name="staff_correction_received")
def correction_received(request, tracking_number: str, payload: DateIn):
    """Art. 30: the corrected application arrived; the reply period restarts from this day."""
    return _run(
        request,
        tracking_number,
        lambda a: clock_events.receive_correction(a, request.auth, received_on=payload.on, note=payload.note),
    )


@router.post(CASE + "/consultations", auth=staff, response=RESP, url_name="staff_consultation")
def start_consultation(request, tracking_number: str, payload: ConsultationIn):
    """Art. 32/34: consult a third party or another agency; the time is excluded (art. 33)."""
    return _run(
        request,
        tracking_number,
        lambda a: clock_events.start_consultation(
            a,
            request.auth,
            kind=payload.kind,
            party=payload.party,
            sent_on=payload.sent_on,
            reason=payload.reason,
            party_contact=payload.party_contact,
            party_received_on=payload.party_received_on,
        ),
    )


@router.post(CASE + "/consultations/end", auth=staff, response=RESP, url_name="staff_consultation_end")
def end_consultation(request, tracking_number: str, payload: ConsultationEndIn):
    return _run(
        request,
        tracking_number,
        lambda a: clock_events.end_consultation(
            a,
            request.auth,
            answered_on=payload.answered_on,
            answer=payload.answer,
            segment_id=payload.consultation_id,
        ),
    )


@router.post(CASE + "/extensions", auth=staff, response=RESP, url_name="staff_extension")
def extend(request, tracking_number: str, payload: ExtensionIn):
    """Art. 33: extension of at most 20 working days, approved by the head of the disclosure office."""
    return _run(
        request,
        tracking_number,
        lambda a: clock_events.extend(
            a,
            request.auth,
            approved_on=payload.approved_on,
            working_days=payload.working_days,
            reason=payload.reason,
        ),
    )


@router.post(CASE + "/fee-notices", auth=staff, response=RESP, url_name="staff_fee_notice")
def issue_fee_notice(request, tracking_number: str, payload: FeeNoticeIn):
    """109号: fee notice under one standard; the clock stops until payment."""
    return _run(
        request,
        tracking_number,
        lambda a: fee_notices.issue(
            a,
            request.auth,
            method=payload.method,
            quantity=payload.quantity,
            issued_on=payload.issued_on,
            payment_method=payload.payment_method,
            received_on=payload.received_on,
        ),
    )


@router.post(
    CASE + "/fee-notices/{notice_id}/payment", auth=staff, response=RESP, url_name="staff_fee_payment"
)
def record_payment(request, tracking_number: str, notice_id: int, payload: PaymentIn):
    def run(app):
        notice = app.fee_notices.filter(pk=notice_id).first()
        if notice is None:
            raise ValidationError(_("No such fee notice on this case."))
        fee_notices.record_payment(
            notice, request.auth, paid_on=payload.paid_on, amount_yuan=payload.amount_yuan
        )

    return _run(request, tracking_number, run)


@router.post(CASE + "/decision", auth=staff, response=RESP, url_name="staff_decision")
def draft_decision(request, tracking_number: str, payload: DecisionIn):
    """Draft the decision (outcome + legal basis per §1.9); ``submit`` sends it to the reviewer."""
    from .outcomes import Outcome, default_basis

    def run(app):
        if payload.outcome not in Outcome.values:
            raise ValidationError(_("Choose one of the outcomes of the annual report."))
        basis = payload.legal_basis or default_basis(payload.outcome).articles
        decision = decisions.draft(
            app,
            request.auth,
            outcome=payload.outcome,
            legal_basis=basis,
            text=payload.text,
            withheld=[w.dict() for w in payload.withheld_parts],
        )
        if payload.submit:
            decisions.submit(decision, request.auth)

    return _run(request, tracking_number, run)


def _current_decision(app):
    decision = app.decisions.first()
    if decision is None:
        raise ValidationError(_("There is no decision on this case."))
    return decision


@router.post(CASE + "/decision/approve", auth=staff, response=RESP, url_name="staff_decision_approve")
def approve(request, tracking_number: str, payload: ReviewIn):
    return _run(
        request,
        tracking_number,
        lambda a: decisions.approve(_current_decision(a), request.auth, payload.comment),
    )


@router.post(CASE + "/decision/return", auth=staff, response=RESP, url_name="staff_decision_return")
def return_decision(request, tracking_number: str, payload: ReviewIn):
    return _run(
        request,
        tracking_number,
        lambda a: decisions.return_for_revision(_current_decision(a), request.auth, payload.comment),
    )


@router.post(CASE + "/decision/sign", auth=staff, response=RESP, url_name="staff_decision_sign")
def sign(request, tracking_number: str, payload: SignIn):
    """The disclosure office signs off; the case closes and the reply letter is issued."""
    return _run(
        request,
        tracking_number,
        lambda a: decisions.sign_off(_current_decision(a), request.auth, replied_on=payload.replied_on),
    )


@router.post(CASE + "/close", auth=staff, response=RESP, url_name="staff_close")
def close(request, tracking_number: str, payload: CloseIn):
    """Close without a decision on the merits: withdrawn (other_other), overdue correction, unpaid fee."""
    return _run(
        request,
        tracking_number,
        lambda a: decisions.close_without_decision(
            a, request.auth, outcome=payload.outcome, closed_on=payload.closed_on, reason=payload.reason
        ),
    )


from . import api_staff_casework  # noqa: E402,F401  (registration, letters, transfer, delivery)
