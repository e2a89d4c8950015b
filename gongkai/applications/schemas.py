"""API schemas of the applications API."""

import datetime as dt
from typing import Annotated

from ninja import Field, Schema
from pydantic import StringConstraints

from .forms import ID_TYPES
from .models import ApplicantType, Channel, DeliveryMethod, InformationForm

# Staff free text is bounded: a refused request says which field is too long (422), never a 1 MB row.
Text = Annotated[str, StringConstraints(max_length=4000)]


def one_of(values, description=""):
    """Document the allowed values in the schema; the form still checks them and names the field."""
    return Field(..., description=description, json_schema_extra={"enum": [str(v) for v in values]})


class ApplicationIn(Schema):
    handling_unit: str = Field(..., description="The slug of the agency asked (a unit of the district).")
    applicant_type: str = one_of(ApplicantType.values)
    applicant_name: str
    organization_name: str = ""
    id_document_type: str = one_of([k for k, _v in ID_TYPES])
    id_document_number: str
    phone: str
    email: str = ""
    address: str = ""
    postcode: str = ""
    information_title: str = ""
    document_number: str = ""
    description: str = Field(
        ..., description="The information sought (art. 29(2)); at most 4,000 characters."
    )
    information_form: str = one_of(InformationForm.values)
    delivery_method: str = one_of(DeliveryMethod.values)
    idempotency_key: str = ""


class Receipt(Schema):
    tracking_number: str
    verification_code: str
    status: str
    stage: str
    received_on: dt.date | None
    due_date: dt.date | None
    created: bool


class PublicStatus(Schema):
    tracking_number: str
    status: str
    stage: str
    submitted_on: dt.date
    received_on: dt.date | None
    due_date: dt.date | None
    due_date_provisional: bool
    due_date_reason: str = ""
    handling_unit: str = ""
    due_date_explanation: list[str] = []
    working_days_used: int
    closed_on: dt.date | None
    outcome: str
    outcome_label: str


class Error(Schema):
    error: str
    message: str
    fields: dict[str, list[str]] = {}


class DateIn(Schema):
    on: dt.date
    note: Text = ""


class CorrectionIn(Schema):
    notice_on: dt.date
    items: Text
    period_working_days: int = 15
    longer_reason: str = ""  # needed for a period over 15 working days


class ConsultationIn(Schema):
    kind: str = one_of(["third_party", "other_agency"])
    party: Text
    sent_on: dt.date
    reason: Text = ""
    party_contact: str = ""  # an e-mail address gets the letter by e-mail
    party_received_on: dt.date | None = None  # the party's receipt; its 15 working days run from then


class ConsultationEndIn(Schema):
    answered_on: dt.date
    answer: Text = ""
    consultation_id: int | None = None  # needed when several consultations are open


class ConsultationReceivedIn(Schema):
    received_on: dt.date
    consultation_id: int | None = None


class ExtensionIn(Schema):
    approved_on: dt.date
    working_days: int
    reason: Text


class FeeNoticeIn(Schema):
    method: str
    quantity: int
    issued_on: dt.date
    payment_method: Text = ""
    received_on: dt.date | None = None  # the applicant's receipt of the notice; default: the issue day


class StaffApplicationIn(ApplicationIn):
    """An application received in person, orally, by post (signed for or ordinary letter), fax or online."""

    channel: str = one_of(Channel.values)
    submitted_on: dt.date
    signed_for_on: dt.date | None = None
    confirmed_on: dt.date | None = None
    oral_record: Text = ""


class ReasonableDeadlineIn(Schema):
    decided_on: dt.date
    deadline_on: dt.date
    reason: Text


class TransferIn(Schema):
    agency: Text
    contact: Text = ""


class DeliveryIn(Schema):
    delivered_on: dt.date
    note: Text = ""


class PaymentIn(Schema):
    paid_on: dt.date
    amount_yuan: float


class WithheldIn(Schema):
    description: Text
    ground: str
    reason: Text = ""


class DecisionIn(Schema):
    outcome: str
    legal_basis: Text = ""
    text: Text
    withheld_parts: list[WithheldIn] = []
    submit: bool = True


class ReviewIn(Schema):
    comment: Text = ""


class SignIn(Schema):
    replied_on: dt.date | None = None


class CloseIn(Schema):
    outcome: str
    closed_on: dt.date
    reason: Text


class AssignIn(Schema):
    unit: str
    co_units: list[str] = []
    handler: str = ""
