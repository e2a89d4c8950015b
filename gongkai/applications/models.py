"""Applications for disclosure (依申请公开): the case, its clock, attachments, decisions and fees.

Semantics the annual report relies on (domain-rules.md §1.4): an application counts as new in the
year of ``received_on``, as handled in the year of ``closed_on`` with its ``outcome``; an application
received but not closed on 31 December is carried forward.
"""

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gongkai.organizations.permissions import Action, scope_queryset

from .outcomes import Outcome


class ApplicantType(models.TextChoices):
    """Table III columns (domain-rules.md §1.4)."""

    NATURAL = "natural", _("Natural person")
    COMMERCIAL = "commercial", _("Commercial enterprise")
    RESEARCH = "research", _("Research institution")
    PUBLIC_WELFARE = "public_welfare", _("Public-welfare organization")
    LEGAL_SERVICE = "legal_service", _("Legal-service institution")
    OTHER = "other", _("Other legal person or organization")


class Channel(models.TextChoices):
    """How the application reached the agency (art. 29, 31)."""

    ONLINE = "online", _("Online")
    IN_PERSON = "in_person", _("In person (written)")
    ORAL = "oral", _("In person (oral, written down by staff)")
    POST_SIGNED = "post_signed", _("Post requiring signature")
    POST_ORDINARY = "post_ordinary", _("Ordinary letter")
    FAX = "fax", _("Fax")


class InformationForm(models.TextChoices):
    PAPER = "paper", _("Paper")
    ELECTRONIC = "electronic", _("Electronic")
    INSPECTION = "inspection", _("Inspection and copying on site")


class DeliveryMethod(models.TextChoices):
    EMAIL = "email", _("E-mail")
    POST = "post", _("Post")
    PICKUP = "pickup", _("Collect in person")
    ONLINE = "online", _("Online platform")
    FAX = "fax", _("Fax")


class Status(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted, receipt to be confirmed")
    REGISTERED = "registered", _("Received, awaiting assignment")
    IN_PROGRESS = "in_progress", _("Being handled")
    CORRECTION = "correction", _("Awaiting correction by the applicant")
    CONSULTATION = "consultation", _("Consulting a third party or another agency")
    FEE = "fee", _("Awaiting payment of the fee")
    REVIEW = "review", _("Draft reply under review")
    SIGN_OFF = "sign_off", _("Awaiting sign-off by the disclosure office")
    CLOSED = "closed", _("Closed")


OPEN_STATUSES = [s for s in Status.values if s != Status.CLOSED]


class ApplicationQuerySet(models.QuerySet):
    def for_user(self, user, action: Action = Action.VIEW):
        """Cases ``user`` may see (or act on): their units' cases; the office sees all."""
        return scope_queryset(self, user, unit_field="handling_unit", action=action)

    def open(self):
        return self.exclude(status=Status.CLOSED)

    def closed(self):
        return self.filter(status=Status.CLOSED)

    def received(self):
        return self.filter(received_on__isnull=False)

    def for_unit(self, unit):
        return self.filter(handling_unit=unit)

    def open_on(self, day):
        """Received on or before ``day`` and not closed by then (carried forward if ``day`` is 31 Dec)."""
        return self.filter(received_on__lte=day).filter(Q(closed_on__isnull=True) | Q(closed_on__gt=day))


class Application(models.Model):
    tracking_number = models.CharField(_("tracking number"), max_length=20, unique=True)
    verification_code_hash = models.CharField(max_length=128, editable=False)
    idempotency_key = models.CharField(max_length=80, unique=True, null=True, blank=True, editable=False)
    #: SHA-256 of the submitted data: a replayed key with different data is refused, not merged.
    submission_fingerprint = models.CharField(max_length=64, blank=True, editable=False)

    handling_unit = models.ForeignKey(
        "organizations.Unit",
        verbose_name=_("handling unit"),
        on_delete=models.PROTECT,
        related_name="applications",
    )
    co_handling_units = models.ManyToManyField(
        "organizations.Unit",
        verbose_name=_("co-handling units"),
        blank=True,
        related_name="co_handled_applications",
    )
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handler"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="handled_applications",
    )
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices, default=Channel.ONLINE)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.SUBMITTED)

    # Art. 29(一): the applicant.
    applicant_type = models.CharField(_("applicant type"), max_length=20, choices=ApplicantType.choices)
    applicant_name = models.CharField(_("applicant name"), max_length=100)
    organization_name = models.CharField(_("organization name"), max_length=200, blank=True)
    id_document_type = models.CharField(_("identity document type"), max_length=40, blank=True)
    id_document_number = models.CharField(_("identity document number"), max_length=40, blank=True)
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    address = models.CharField(_("postal address"), max_length=300, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)

    # Art. 29(二): the information sought.
    information_title = models.CharField(_("title of the information"), max_length=300, blank=True)
    document_number = models.CharField(_("document number"), max_length=100, blank=True)
    description = models.TextField(_("description of the information"))
    # Art. 29(三): form and how to receive it.
    information_form = models.CharField(_("form wanted"), max_length=20, choices=InformationForm.choices)
    delivery_method = models.CharField(_("how to receive it"), max_length=20, choices=DeliveryMethod.choices)
    oral_record = models.TextField(_("record of the oral application"), blank=True)

    # Art. 31: receipt.
    submitted_on = models.DateField(_("submitted on"))
    received_on = models.DateField(_("received on"), null=True, blank=True, db_index=True)
    receipt_note = models.CharField(_("how receipt was established"), max_length=300, blank=True)
    # Art. 31(二)(三): the day an ordinary letter, fax or online application arrived, before receipt is
    # confirmed — so a late confirmation is visible and reminded about, never silent.
    arrived_on = models.DateField(_("arrived on"), null=True, blank=True)
    # Art. 35: a reasonable later deadline, fixed and told to the applicant, for unreasonably many requests.
    reasonable_deadline_on = models.DateField(_("reasonable later deadline (art. 35)"), null=True, blank=True)
    reasonable_deadline_reason = models.TextField(_("why the later deadline is needed"), blank=True)
    #: Cached from ``clock.compute`` after every clock event and by the daily task; for lists and sorting.
    due_on = models.DateField(_("due on"), null=True, blank=True, db_index=True)

    # Decision.
    outcome = models.CharField(_("outcome"), max_length=40, choices=Outcome.choices, blank=True)
    legal_basis = models.CharField(_("legal basis"), max_length=100, blank=True)
    decision_text = models.TextField(_("decision"), blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True, db_index=True)
    transferred_to = models.CharField(_("agency responsible for the information"), max_length=200, blank=True)
    transferred_contact = models.CharField(_("its contact details"), max_length=200, blank=True)
    related_to = models.ForeignKey(
        "self", verbose_name=_("earlier application"), null=True, blank=True, on_delete=models.SET_NULL
    )

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("application for disclosure")
        verbose_name_plural = _("applications for disclosure")
        ordering = ["-created_at"]
        # Covering indexes for the annual report's GROUP BY queries (Table III): measured with
        # bench/bench_table3.py at 1M applications, 2.7–8.9 s without them, 0.7–1.2 s with them.
        indexes = [
            models.Index(
                fields=["closed_on", "handling_unit", "applicant_type", "outcome", "received_on"],
                name="app_closed_report",
            ),
            models.Index(
                fields=["received_on", "handling_unit", "applicant_type", "closed_on"],
                name="app_received_report",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="closed", closed_on__isnull=False)
                | (~Q(status="closed") & Q(closed_on__isnull=True)),
                name="application_closed_has_date",
            ),
            models.CheckConstraint(
                condition=Q(status="closed", outcome__gt="") | (~Q(status="closed") & Q(outcome="")),
                name="application_closed_has_outcome",
            ),
        ]

    def __str__(self):
        return self.tracking_number

    @property
    def is_closed(self) -> bool:
        return self.status == Status.CLOSED

    @property
    def applicant_display(self) -> str:
        return self.organization_name or self.applicant_name


class SegmentKind(models.TextChoices):
    RUNNING = "running", _("Running")
    CORRECTION = "correction", _("Stopped for correction")
    THIRD_PARTY = "third_party", _("Stopped for third-party consultation")
    OTHER_AGENCY = "other_agency", _("Stopped for consultation of another agency")
    FEE = "fee", _("Stopped for a fee notice")
    EXTENSION = "extension", _("Extended")


STOP_KINDS = {SegmentKind.CORRECTION, SegmentKind.THIRD_PARTY, SegmentKind.OTHER_AGENCY, SegmentKind.FEE}


class ClockSegment(models.Model):
    """A stop or an extension of an application's statutory clock (art. 30, 32–34, 42).

    A stop covers the days after ``started_on`` up to and including ``ended_on`` (Civil Code art. 201);
    ``ended_on`` is null while it lasts. The running segments are the gaps between stops and are derived
    by ``clock.compute``. Extensions are markers that add ``extra_working_days`` to the allowance.
    """

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="clock_segments")
    kind = models.CharField(_("kind"), max_length=20, choices=SegmentKind.choices)
    started_on = models.DateField(_("started on"))
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    expected_end_on = models.DateField(_("expected to end on"), null=True, blank=True)
    extra_working_days = models.PositiveSmallIntegerField(_("extra working days"), default=0)
    reason = models.TextField(_("reason"), blank=True)
    party = models.CharField(_("consulted party"), max_length=200, blank=True)
    # Art. 32/34: the 15 working days run from the consulted party's receipt of the request.
    party_received_on = models.DateField(_("received by the consulted party on"), null=True, blank=True)
    party_contact = models.CharField(
        _("consulted party's contact (e-mail or address)"), max_length=200, blank=True
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("clock segment")
        verbose_name_plural = _("clock segments")
        ordering = ["started_on", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.started_on}–{self.ended_on or ''}"


def _private_storage():
    return storages["private"]


class AttachmentKind(models.TextChoices):
    IDENTITY = "identity", _("Proof of identity")
    CORRECTION = "correction", _("Corrected application")
    OTHER = "other", _("Other")


class Attachment(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="attachments")
    kind = models.CharField(
        _("kind"), max_length=20, choices=AttachmentKind.choices, default=AttachmentKind.OTHER
    )
    file = models.FileField(_("file"), storage=_private_storage, upload_to="applications/%Y/%m/")
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(_("size"))
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.original_name


class FeeMethod(models.TextChoices):
    PER_APPLICATION = "per_application", _("Per application")
    PER_PAGE = "per_page", _("Per page")


class FeeNotice(models.Model):
    """A charge notice under 国办函〔2020〕109号 (domain-rules.md §4)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="fee_notices")
    method = models.CharField(
        _("method"), max_length=20, choices=FeeMethod.choices, default=FeeMethod.PER_PAGE
    )
    quantity = models.PositiveIntegerField(_("pages or applications"), default=0)
    breakdown = models.JSONField(default=list, blank=True)
    issued_on = models.DateField(_("issued on"))
    # Fee measures: "自收到收费通知次日起20个工作日内" — the period runs from the applicant's receipt.
    received_on = models.DateField(_("notice received by the applicant on"), null=True, blank=True)
    due_on = models.DateField(_("pay by"), null=True, blank=True)
    amount_yuan = models.DecimalField(_("amount (yuan)"), max_digits=12, decimal_places=2)
    payment_method = models.TextField(_("payment method"), blank=True)
    paid_on = models.DateField(_("paid on"), null=True, blank=True)
    paid_amount_yuan = models.DecimalField(
        _("amount paid (yuan)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("fee notice")
        verbose_name_plural = _("fee notices")
        ordering = ["issued_on", "pk"]

    def __str__(self):
        return f"{self.application} {self.amount_yuan}"


class WithheldPart(models.Model):
    """A part withheld in a partial disclosure, with the reason (art. 37)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="withheld_parts")
    description = models.CharField(_("withheld part"), max_length=300)
    ground = models.CharField(_("ground"), max_length=40, choices=Outcome.choices)
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        verbose_name = _("withheld part")
        verbose_name_plural = _("withheld parts")

    def __str__(self):
        return self.description


from .models_workflow import (  # noqa: E402  (models that refer to Application by name)
    ApiToken,
    Decision,
    DecisionState,
    Letter,
    LetterKind,
    LetterTemplate,
)

__all__ = [
    "ApiToken",
    "Application",
    "ApplicantType",
    "Attachment",
    "ClockSegment",
    "Decision",
    "DecisionState",
    "FeeNotice",
    "Letter",
    "LetterKind",
    "LetterTemplate",
    "Outcome",
    "WithheldPart",
]
