"""Which recorded fields are a person's data, and masking them for staff who may not see them.

Applicant and appellant names, identity document numbers, telephones, addresses and e-mails are seen
only by the staff handling the case and by the disclosure office; evaluators and other staff get the
same screens with these values masked.
"""

from __future__ import annotations

MASK = "＊＊＊"

# model label (app_label.model_name) -> fields holding personal data
PERSONAL_FIELDS: dict[str, set[str]] = {
    "applications.application": {
        "applicant_name", "organization_name", "id_document_type", "id_document_number", "phone",
        "email", "address", "postcode", "oral_record",
    },
    "applications.attachment": {"original_name", "file"},
    "applications.letter": {"body"},  # a letter is addressed to the applicant by name
    "appeals.appealcase": {"appellant_name"},
}  # fmt: skip


def personal_fields(model_label: str) -> set[str]:
    return PERSONAL_FIELDS.get(model_label.lower(), set())


def mask_changes(model_label: str, changes: dict | None) -> dict:
    """``changes`` ({field: [before, after]}) with personal values replaced by the mask."""
    fields = personal_fields(model_label)
    return {
        key: [MASK if v not in (None, "", "None") else v for v in value] if key in fields else value
        for key, value in (changes or {}).items()
    }
