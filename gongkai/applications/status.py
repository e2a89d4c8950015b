"""What an applicant may see about their own application: the stage and the dates, nothing else."""

from django.utils.translation import gettext_lazy as _

from . import clock
from .models import Status

PUBLIC_STAGE = {
    Status.SUBMITTED: _("Submitted; the agency will confirm receipt"),
    Status.REGISTERED: _("Received"),
    Status.IN_PROGRESS: _("Being handled"),
    Status.CORRECTION: _("Waiting for your correction"),
    Status.CONSULTATION: _("Being handled (consulting others; this time is not counted)"),
    Status.FEE: _("Waiting for payment of the fee"),
    Status.REVIEW: _("Being handled"),
    Status.SIGN_OFF: _("Being handled"),
    Status.CLOSED: _("Replied"),
}


def public_view(application) -> dict:
    """The applicant's view of their case (no other person's data, no internal notes)."""
    state = clock.compute(application)
    return {
        "tracking_number": application.tracking_number,
        "status": application.status,
        "stage": str(PUBLIC_STAGE[application.status]),
        "submitted_on": application.submitted_on,
        "received_on": application.received_on,
        "due_date": state.due_date,
        "due_date_provisional": state.due_date_provisional,
        "due_date_reason": state.due_date_reason,
        "working_days_used": state.working_days_used,
        "closed_on": application.closed_on,
        "outcome": application.outcome,
        "outcome_label": application.get_outcome_display() if application.outcome else "",
        "letters": [
            {"id": letter.pk, "title": letter.title, "number": letter.number, "issued_on": letter.issued_on}
            for letter in application.letters.all()
        ],
    }
