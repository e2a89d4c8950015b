"""The audit log in the staff's own words: business events, field names and choice labels in Chinese."""

from __future__ import annotations

from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext_lazy as _

EVENT_LABELS = {
    "submitted": _("Application submitted"),
    "receipt_confirmed": _("Receipt confirmed"),
    "taken": _("Case taken"),
    "assigned": _("Case assigned"),
    "transfer_recorded": _("Responsible agency recorded (art. 36(5))"),
    "correction_requested": _("Correction requested"),
    "correction_received": _("Corrected application received"),
    "consultation_started": _("Consultation sent"),
    "consultation_received": _("Consultation received by the party"),
    "consultation_ended": _("Consultation answered"),
    "extended": _("Reply period extended"),
    "reasonable_deadline_set": _("Reasonable later deadline set (art. 35)"),
    "fee_notice_issued": _("Fee notice issued"),
    "fee_notice_received": _("Fee notice received by the applicant"),
    "fee_paid": _("Fee paid"),
    "decision_drafted": _("Decision drafted"),
    "decision_submitted": _("Decision submitted for review"),
    "decision_approved": _("Decision approved"),
    "decision_returned": _("Decision returned for revision"),
    "closed": _("Case closed"),
    "letter_issued": _("Letter issued"),
    "letter_emailed": _("Letter e-mailed"),
    "letter_email_failed": _("Letter could not be e-mailed"),
    "letter_resent": _("Letter sent again"),
    "letter_delivered": _("Letter delivery recorded"),
    "holiday_notice_entered": _("Holiday arrangement entered"),
    "report_submitted": _("Annual report submitted"),
    "report_approved": _("Annual report approved"),
    "report_returned": _("Annual report returned"),
    "report_published": _("Annual report published"),
    "assistant_entry_submitted": _("Knowledge-base entry submitted for review"),
}
ACTION_LABELS = {0: _("Created"), 1: _("Changed"), 2: _("Deleted"), 3: _("Opened")}


def event_label(entry) -> str:
    event = (entry.additional_data or {}).get("event") if isinstance(entry.additional_data, dict) else None
    if event:
        return str(EVENT_LABELS.get(event, event))
    return str(ACTION_LABELS.get(entry.action, entry.get_action_display()))


def readable(entry, changes: dict) -> list[tuple[str, str, str]]:
    """(field label, before, after) with verbose names and choice labels where the model has them."""
    model = entry.content_type.model_class() if entry.content_type_id else None
    rows = []
    for name, (before, after) in changes.items():
        label, choices = name, {}
        if model is not None:
            try:
                field = model._meta.get_field(name)
                label = str(getattr(field, "verbose_name", name))
                choices = {str(k): str(v) for k, v in (getattr(field, "choices", None) or [])}
            except FieldDoesNotExist:
                pass
        rows.append((label, _value(before, choices), _value(after, choices)))
    return rows


def _value(value, choices) -> str:
    if value in (None, "None", ""):
        return "—"
    return choices.get(str(value), str(value))


def readable_text(entry, changes: dict) -> str:
    return "；".join(f"{label}：{before} → {after}" for label, before, after in readable(entry, changes))
