"""Forms for intake (public and staff) — the one place where an application's input is validated (art. 29)."""

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.core.text import is_storable
from gongkai.organizations.models import Unit

from . import attachments
from .models import ApplicantType, Application, Channel, DeliveryMethod

ID_TYPES = [
    ("resident_id", _("Resident identity card")),
    ("passport", _("Passport")),
    ("hk_macao_taiwan", _("Mainland travel permit (Hong Kong, Macao, Taiwan)")),
    ("credit_code", _("Unified social credit code (organizations)")),
    ("other", _("Other identity document")),
]

APPLICANT_FIELDS = [
    "handling_unit", "applicant_type", "applicant_name", "organization_name", "id_document_type",
    "id_document_number", "phone", "email", "address", "postcode", "information_title", "document_number",
    "description", "information_form", "delivery_method",
]  # fmt: skip


class ApplicationForm(forms.ModelForm):
    """Art. 29: who applies (name, proof of identity, contact), what is sought, in what form and how."""

    id_document_type = forms.ChoiceField(label=_("Identity document type"), choices=ID_TYPES)
    identity_proof = forms.FileField(
        label=_("Proof of identity"),
        help_text=_(
            "A scan or photo of your identity document or business licence: PDF, JPG or PNG, at most 10 MB."
        ),
    )
    other_file = forms.FileField(
        label=_("Other attachment"), required=False, help_text=_("Optional; same limits.")
    )
    idempotency_key = forms.CharField(widget=forms.HiddenInput, required=False, max_length=80)

    class Meta:
        model = Application
        fields = APPLICANT_FIELDS
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "applicant_type": forms.RadioSelect,
            "information_form": forms.RadioSelect,
            "delivery_method": forms.RadioSelect,
        }
        help_texts = {
            "organization_name": _("Required for a legal person or other organization."),
            "description": _("Describe the information so that the agency can find it (art. 29(2))."),
            "handling_unit": _("The agency you are asking. If unsure, choose the district government."),
        }

    #: Free text is bounded: a description of the information sought fits in 4,000 characters.
    TEXT_LIMITS = {"description": 4000, "oral_record": 8000}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, limit in self.TEXT_LIMITS.items():
            if name in self.fields:
                self.fields[name].max_length = limit
                self.fields[name].validators.append(MaxLengthValidator(limit))
                self.fields[name].widget.attrs["maxlength"] = str(limit)
        self.fields["handling_unit"].queryset = Unit.objects.active()
        self.fields["handling_unit"].empty_label = None
        self.fields["phone"].required = True
        self.fields["id_document_number"].required = True
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["phone"].widget.attrs.update(autocomplete="tel", inputmode="tel")

    def clean_identity_proof(self):
        return _checked(self.cleaned_data.get("identity_proof"))

    def clean_other_file(self):
        return _checked(self.cleaned_data.get("other_file"))

    def clean(self):
        data = super().clean()
        for name, value in list(data.items()):
            if isinstance(value, str) and not is_storable(value):
                self.add_error(name, _("This contains characters that are not valid text; please retype it."))
        kind = data.get("applicant_type")
        if kind and kind != ApplicantType.NATURAL and not data.get("organization_name"):
            self.add_error("organization_name", _("Enter the name of the organization (art. 29(1))."))
        method = data.get("delivery_method")
        if method == DeliveryMethod.EMAIL and not data.get("email"):
            self.add_error("email", _("Enter an e-mail address to receive the information by e-mail."))
        if method == DeliveryMethod.POST and not data.get("address"):
            self.add_error("address", _("Enter a postal address to receive the information by post."))
        if not (data.get("description") or "").strip():
            self.add_error("description", _("Describe the information you are asking for (art. 29(2))."))
        return data

    def application_data(self) -> dict:
        return {f: self.cleaned_data[f] for f in APPLICANT_FIELDS if f in self.cleaned_data}

    def uploads(self) -> list:
        files = [
            ("identity", self.cleaned_data.get("identity_proof")),
            ("other", self.cleaned_data.get("other_file")),
        ]
        return [(kind, f) for kind, f in files if f]


def _checked(upload):
    if upload:
        try:
            attachments.validate_upload(upload)
        except ValidationError as exc:
            raise forms.ValidationError(exc.messages[0], code=exc.code) from exc
    return upload


class StaffRegistrationForm(ApplicationForm):
    """Staff register an application received by post, in person, orally, by fax or online (art. 29, 31)."""

    channel = forms.ChoiceField(label=_("Channel"), choices=Channel.choices)
    submitted_on = forms.DateField(label=_("Submitted on"), widget=forms.DateInput(attrs={"type": "date"}))
    signed_for_on = forms.DateField(
        label=_("Signed for on"), required=False, widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Post requiring signature: the day the agency signed for it (art. 31(2))."),
    )  # fmt: skip
    confirmed_on = forms.DateField(
        label=_("Confirmed with the applicant on"), required=False, widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Ordinary letter, online or fax: the day receipt was confirmed (art. 31). Leave empty if not yet."),
    )  # fmt: skip

    class Meta(ApplicationForm.Meta):
        fields = [*APPLICANT_FIELDS, "oral_record"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["identity_proof"].required = False
        self.fields["identity_proof"].help_text = _(
            "Optional for paper applications: note the document seen."
        )
        if user is not None:
            self.fields["handling_unit"].queryset = Unit.objects.for_user(user)

    def clean(self):
        data = super().clean()
        channel, today = data.get("channel"), timezone.localdate()
        for name in ("submitted_on", "signed_for_on", "confirmed_on"):
            day = data.get(name)
            if isinstance(day, dt.date) and day > today:
                self.add_error(name, _("The date cannot be in the future."))
        if channel == Channel.POST_SIGNED and not data.get("signed_for_on"):
            self.add_error("signed_for_on", _("Enter the day the agency signed for the letter (art. 31(2))."))
        if channel == Channel.ORAL and not (data.get("oral_record") or "").strip():
            self.add_error("oral_record", _("Write down the oral application (art. 29)."))
        sub = data.get("submitted_on")
        for name in ("signed_for_on", "confirmed_on"):
            if sub and data.get(name) and data[name] < sub:
                self.add_error(name, _("This date cannot be before the submission date."))
        return data


class StatusLookupForm(forms.Form):
    tracking_number = forms.CharField(label=_("Tracking number"), max_length=20)
    code = forms.CharField(label=_("Verification code"), max_length=20)
