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
        "handling_unit": application.handling_unit.name,
        "due_date_explanation": explain(state),
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


def explain(state) -> list[str]:
    """How the due date was computed, in plain words: the steps, the days the calendar skipped."""
    if not state.started:
        return [
            str(_("The reply period starts when the agency confirms receipt of your application (art. 31)."))
        ]
    lines = [
        str(
            _(
                "The agency replies within %(n)s working days of receipt (%(r)s), not counting the day of receipt."
            )
            % {"n": state.allowance, "r": state.received_on}
        )
    ]
    for segment in state.segments:
        if segment.kind == "running":
            continue
        if segment.kind == "extension":
            lines.append(
                str(
                    _("Extended by %(n)s working days on %(d)s.")
                    % {"n": segment.extra_working_days, "d": segment.started_on}
                )
            )
        elif segment.restarts:
            lines.append(
                str(
                    _(
                        "Correction requested on %(d)s: the period counts afresh from receipt of the corrected application (art. 30)."
                    )
                    % {"d": segment.started_on}
                )
            )
        else:
            lines.append(
                str(
                    _("%(label)s from %(d)s: %(n)s working days not counted.")
                    % {"label": segment.label, "d": segment.started_on, "n": segment.working_days}
                )
            )
    for step in state.steps:
        skipped = [f"{d.date:%m-%d} {d.name}".strip() for d in step.holidays]
        if skipped:
            lines.append(str(_("Holidays skipped: %(days)s.") % {"days": "、".join(skipped)}))
        made_up = [f"{d.date:%m-%d}" for d in step.make_up_workdays]
        if made_up:
            lines.append(str(_("Make-up working days counted: %(days)s.") % {"days": "、".join(made_up)}))
    if state.due_date_reason:
        lines.append(state.due_date_reason)
    return lines
