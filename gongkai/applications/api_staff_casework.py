"""Staff API, part two: registering applications on every channel (art. 29, 31), the letters of a case
(list, download, re-issue), the transfer under art. 36(5), the fee notice's receipt and the delivery
record. Like every staff endpoint, each calls one service; rules are checked there."""

from ninja import Status

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from gongkai.organizations.models import Unit

from . import clock_events, fee_notices, intake, letters, routing
from .api import error, router
from .api_staff import CASE, RESP, _case, _run, staff
from .forms import StaffRegistrationForm
from .schemas import (
    ConsultationReceivedIn,
    DateIn,
    DeliveryIn,
    ReasonableDeadlineIn,
    StaffApplicationIn,
    TransferIn,
)
from .serializers import case_json, may_see_applicant


@router.post("/staff/cases", auth=staff, response={201: dict, 200: dict, 401: dict, 403: dict, 409: dict, 422: dict},
             url_name="staff_register")  # fmt: skip
def register(request, payload: StaffApplicationIn):
    """Register an application received in person, orally, by post, fax or online, dated as received (art. 31)."""
    data = payload.dict()
    key = data.pop("idempotency_key", "")
    unit = Unit.objects.active().filter(slug=data.get("handling_unit")).first()
    data["handling_unit"] = unit.pk if unit else None
    form = StaffRegistrationForm(data=data, user=request.auth)
    if not form.is_valid():
        fields = {name: [str(m) for m in msgs] for name, msgs in form.errors.items()}
        return error(422, "invalid_input", _("Some fields are missing or invalid."), fields)
    d = form.cleaned_data
    try:
        submission = intake.submit(
            {**form.application_data(), "oral_record": d.get("oral_record", "")}, [], channel=d["channel"],
            actor=request.auth, idempotency_key=key, submitted_on=d["submitted_on"],
            signed_for_on=d.get("signed_for_on"), confirmed_on=d.get("confirmed_on"),
        )  # fmt: skip
    except PermissionDenied as exc:
        return error(403, "forbidden", str(exc) or _("You do not have permission to do this for this unit."))
    except intake.IdempotencyConflict as exc:
        return error(409, "idempotency_conflict", exc.messages[0])
    except ValidationError as exc:
        return error(422, "rule_violated", " ".join(exc.messages))
    body = case_json(submission.application, request.auth)
    body["verification_code"] = submission.verification_code
    return Status(201 if submission.created else 200, body)


NO_LETTER = _lazy("No such letter on this case.")


def _letter(app, letter_id):
    letter = app.letters.filter(pk=letter_id).first()
    if letter is None:
        raise ValidationError(NO_LETTER)
    return letter


def _letter_json(letter) -> dict:
    return {
        "id": letter.pk, "kind": letter.kind, "title": letter.title, "number": letter.number,
        "issued_on": letter.issued_on.isoformat(),
        "emailed_at": letter.emailed_at.isoformat() if letter.emailed_at else None,
        "delivered_on": letter.delivered_on.isoformat() if letter.delivered_on else None,
        "delivery_note": letter.delivery_note,
    }  # fmt: skip


def _letters_case(request, tracking_number):
    app = _case(request, tracking_number)
    if app is None:
        return None, error(404, "not_found", _("No case with this tracking number in your units."))
    if not may_see_applicant(request.auth, app):
        return None, error(403, "forbidden", _("Only staff handling this case may open its letters."))
    return app, None


@router.get(CASE + "/letters", auth=staff, response=RESP, url_name="staff_letters")
def list_letters(request, tracking_number: str):
    """The letters issued on the case, with when each was e-mailed and delivered."""
    app, problem = _letters_case(request, tracking_number)
    return problem or Status(200, {"letters": [_letter_json(x) for x in app.letters.all()]})


@router.get(CASE + "/letters/{letter_id}.{fmt}", auth=staff, response=RESP, url_name="staff_letter_file")
def download_letter(request, tracking_number: str, letter_id: int, fmt: str):
    """The letter as PDF or DOCX."""
    app, problem = _letters_case(request, tracking_number)
    if problem:
        return problem
    letter = app.letters.filter(pk=letter_id).first()
    if letter is None:
        return error(404, "not_found", NO_LETTER)
    try:
        return letters.file_response(letter, fmt)
    except Http404:
        return error(404, "not_found", _("Letters are available as pdf or docx."))


@router.post(
    CASE + "/letters/{letter_id}/reissue", auth=staff, response=RESP, url_name="staff_letter_reissue"
)
def reissue_letter(request, tracking_number: str, letter_id: int):
    """Send the letter again (e-mail queued anew), e.g. when the applicant did not receive it."""

    def run(app):
        letters.resend(_letter(app, letter_id), request.auth)

    return _run(request, tracking_number, run)


@router.post(
    CASE + "/letters/{letter_id}/delivery", auth=staff, response=RESP, url_name="staff_letter_delivery"
)
def record_delivery(request, tracking_number: str, letter_id: int, payload: DeliveryIn):
    """Record how and when the letter reached the addressee (e.g. 邮寄送达, 当面送达, 电子送达)."""

    def run(app):
        letter = _letter(app, letter_id)
        letters.record_delivery(letter, request.auth, delivered_on=payload.delivered_on, note=payload.note)

    return _run(request, tracking_number, run)


@router.post(CASE + "/transfer", auth=staff, response=RESP, url_name="staff_transfer")
def transfer(request, tracking_number: str, payload: TransferIn):
    """Art. 36(5): the information is another agency's; the reply names it and its contact details."""
    return _run(
        request,
        tracking_number,
        lambda a: routing.record_transfer(a, request.auth, agency=payload.agency, contact=payload.contact),
    )


@router.post(
    CASE + "/fee-notices/{notice_id}/received", auth=staff, response=RESP, url_name="staff_fee_received"
)
def fee_notice_received(request, tracking_number: str, notice_id: int, payload: DateIn):
    """The day the applicant received the fee notice: the 20 working days to pay run from the next day."""

    def run(app):
        notice = app.fee_notices.filter(pk=notice_id).first()
        if notice is None:
            raise ValidationError(_("No such fee notice on this case."))
        fee_notices.record_notice_receipt(notice, request.auth, received_on=payload.on)

    return _run(request, tracking_number, run)


@router.post(
    CASE + "/consultations/received", auth=staff, response=RESP, url_name="staff_consultation_received"
)
def consultation_received(request, tracking_number: str, payload: ConsultationReceivedIn):
    """Art. 32/34: the consulted party received the request on this day; its 15 working days run from then."""
    return _run(
        request,
        tracking_number,
        lambda a: clock_events.record_party_receipt(
            a, request.auth, segment_id=payload.consultation_id, received_on=payload.received_on
        ),
    )


@router.post(CASE + "/reasonable-deadline", auth=staff, response=RESP, url_name="staff_reasonable_deadline")
def reasonable_deadline(request, tracking_number: str, payload: ReasonableDeadlineIn):
    """Art. 35: fix a reasonable later deadline for unreasonably many or frequent requests; the applicant is told."""
    return _run(
        request,
        tracking_number,
        lambda a: clock_events.set_reasonable_deadline(
            a,
            request.auth,
            decided_on=payload.decided_on,
            deadline_on=payload.deadline_on,
            reason=payload.reason,
        ),
    )
