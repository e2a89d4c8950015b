"""Workflow records of a case: decision drafts and their review, letters, letter templates, API tokens.

Imported by ``models.py``; kept apart so each module fits in one reading.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .outcomes import Outcome


class DecisionState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for review")
    APPROVED = "approved", _("Approved by the reviewer")
    SIGNED = "signed", _("Signed off by the disclosure office")
    RETURNED = "returned", _("Returned for revision")


class Decision(models.Model):
    """A proposed decision: the handler drafts, the unit's reviewer approves, the office signs off."""

    application = models.ForeignKey(
        "applications.Application", on_delete=models.CASCADE, related_name="decisions"
    )
    outcome = models.CharField(_("outcome"), max_length=40, choices=Outcome.choices)
    legal_basis = models.CharField(_("legal basis"), max_length=100)
    text = models.TextField(_("facts and reasons"))
    state = models.CharField(
        _("state"), max_length=20, choices=DecisionState.choices, default=DecisionState.DRAFT
    )
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("drafted by"),
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    comment = models.TextField(_("review comment"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.application} · {self.get_outcome_display()}"


class LetterKind(models.TextChoices):
    ACKNOWLEDGEMENT = "acknowledgement", _("Acknowledgement of receipt")
    CORRECTION = "correction", _("Correction notice")
    EXTENSION = "extension", _("Extension notice")
    THIRD_PARTY = "third_party", _("Third-party consultation letter")
    OTHER_AGENCY = "other_agency", _("Consultation letter to another agency")
    FEE = "fee", _("Fee notice")
    REPLY = "reply", _("Reply letter")
    DEADLINE = "deadline", _("Notice of a reasonable later deadline (art. 35)")


class LetterTemplate(models.Model):
    """An editable template for one kind of letter (Django template syntax over the case context)."""

    kind = models.CharField(_("kind"), max_length=20, choices=LetterKind.choices, unique=True)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(
        _("body"),
        help_text=_("Django template syntax. Available: application, unit, today, notice, decision…"),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("letter template")
        verbose_name_plural = _("letter templates")

    def __str__(self):
        return self.get_kind_display()


class Letter(models.Model):
    """A notice or reply issued on a case, with its rendered text frozen at issue."""

    application = models.ForeignKey(
        "applications.Application", on_delete=models.CASCADE, related_name="letters"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=LetterKind.choices)
    number = models.CharField(_("document number"), max_length=80)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("body"))
    issued_on = models.DateField(_("issued on"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Delivery (送达): the e-mail sent by the task worker, and how the paper letter reached the addressee.
    emailed_at = models.DateTimeField(_("e-mailed at"), null=True, blank=True)
    email_attempts = models.PositiveSmallIntegerField(_("e-mail attempts"), default=0)
    delivered_on = models.DateField(_("delivered on"), null=True, blank=True)
    delivery_note = models.CharField(_("how it was delivered"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("letter")
        verbose_name_plural = _("letters")
        ordering = ["issued_on", "pk"]
        constraints = [models.UniqueConstraint(fields=["number"], name="unique_letter_number")]

    def __str__(self):
        return f"{self.title} {self.number}"


class ApiToken(models.Model):
    """A staff member's token for the staff API. Only a SHA-256 hash of the secret is stored."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="application_api_tokens"
    )
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(max_length=12, unique=True)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self):
        return f"{self.user} · {self.name} ({self.prefix}…)"
