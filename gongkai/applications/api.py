"""Applications API under /api/v1/applications: public submission and status; staff endpoints in api_staff."""

from ninja import Header, Router, Status

from django.core.exceptions import ValidationError
from django.db import DatabaseError
from django.utils.translation import gettext as _

from gongkai.organizations.models import Unit

from . import intake, throttle
from .forms import ApplicationForm
from .schemas import ApplicationIn, Error, PublicStatus, Receipt
from .status import public_view

router = Router(tags=["applications"])
router_prefix = "applications"


def error(status: int, code: str, message: str, fields: dict | None = None):
    return Status(status, {"error": code, "message": str(message), "fields": fields or {}})


@router.post(
    "",
    response={201: Receipt, 200: Receipt, 409: Error, 422: Error},
    auth=None,
    url_name="application_submit",
)
def submit_application(
    request, payload: ApplicationIn, idempotency_key: str = Header("", alias="Idempotency-Key")
):
    """Submit an application (Regulations art. 29). Send an ``Idempotency-Key`` header to make retries safe."""
    data = payload.dict()
    key = idempotency_key or data.pop("idempotency_key", "")
    data.pop("idempotency_key", None)
    unit = Unit.objects.active().filter(slug=data.get("handling_unit")).first()
    data["handling_unit"] = unit.pk if unit else None
    form = ApplicationForm(data=data)
    form.fields["identity_proof"].required = False
    if not form.is_valid():
        fields = {name: [str(m) for m in msgs] for name, msgs in form.errors.items()}
        return error(422, "invalid_input", _("Some fields are missing or invalid."), fields)
    try:
        submission = intake.submit(form.application_data(), [], idempotency_key=key)
    except intake.IdempotencyConflict as exc:
        return error(409, "idempotency_conflict", exc.messages[0])
    except ValidationError as exc:
        return error(422, "invalid_input", exc.messages[0])
    # The application is committed: whatever happens next, the answer says so (with its number and code).
    try:
        view = public_view(submission.application)
    except DatabaseError:
        app = submission.application
        view = {"tracking_number": app.tracking_number, "status": app.status, "stage": "",
                "received_on": app.received_on, "due_date": None}  # fmt: skip
    body = {
        "tracking_number": view["tracking_number"], "verification_code": submission.verification_code,
        "status": view["status"], "stage": view["stage"], "received_on": view["received_on"],
        "due_date": view["due_date"], "created": submission.created,
    }  # fmt: skip
    return Status(201 if submission.created else 200, body)


@router.get(
    "/{tracking_number}",
    response={200: PublicStatus, 404: Error, 429: Error},
    auth=None,
    url_name="application_status",
)
def application_status(
    request,
    tracking_number: str,
    code: str = "",
    x_verification_code: str = Header("", alias="X-Verification-Code"),
):
    """The stage and due date of an application, for its applicant (tracking number + verification code).

    Send the code in the ``X-Verification-Code`` header so it stays out of URLs and access logs; the
    ``code`` query parameter is still accepted for existing clients."""
    code = x_verification_code or code
    client = throttle.client_of(request)
    if throttle.blocked(tracking_number, client):
        return error(429, "too_many_attempts", _("Too many wrong attempts. Try again in an hour."))
    app = intake.find_for_applicant(tracking_number, code)
    if app is None:
        throttle.failed(tracking_number, client)
        return error(
            404, "not_found", _("No application matches this tracking number and verification code.")
        )
    return Status(200, public_view(app))


from . import api_staff  # noqa: E402,F401  (registers the staff endpoints on this router)
