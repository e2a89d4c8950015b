"""Administrative reconsideration and litigation about disclosure (Table IV of the annual report).

A case is brought against the original acting agency (原行为主体, ``respondent_unit``) about one or
more applications for disclosure. When the reconsideration body is a co-defendant in the lawsuit
(``co_defendant_unit``), the case counts only for the original acting agency (§1.2: "行政复议机关作为共同被告
的行政诉讼案件，只计算原行为主体的案件数量，不计算行政复议机关的案件数量"): Table IV counts by ``respondent_unit`` alone.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gongkai.organizations.permissions import Action, scope_queryset


class AppealKind(models.TextChoices):
    RECONSIDERATION = "reconsideration", _("Administrative reconsideration")
    LITIGATION_DIRECT = "litigation_direct", _("Litigation filed directly")
    LITIGATION_AFTER_RECONSIDERATION = (
        "litigation_after_reconsideration",
        _("Litigation after reconsideration"),
    )


class AppealResult(models.TextChoices):
    UPHELD = "upheld", _("Upheld")
    CORRECTED = "corrected", _("Corrected")
    OTHER = "other", _("Other result")
    PENDING = "pending", _("Pending")


class AppealCaseQuerySet(models.QuerySet):
    def for_user(self, user, action: Action = Action.VIEW):
        """Cases of the units where ``user`` may do ``action``: as respondent or as co-defendant."""
        as_respondent = scope_queryset(self, user, unit_field="respondent_unit", action=action)
        if action != Action.VIEW:
            return as_respondent
        as_co_defendant = scope_queryset(self, user, unit_field="co_defendant_unit", action=action)
        return self.filter(Q(pk__in=as_respondent.values("pk")) | Q(pk__in=as_co_defendant.values("pk")))

    def pending(self):
        return self.filter(decided_on__isnull=True)


class AppealCase(models.Model):
    kind = models.CharField(_("kind"), max_length=40, choices=AppealKind.choices)
    case_number = models.CharField(
        _("case number"),
        max_length=100,
        blank=True,
        help_text=_("As written by the reviewing body or court."),
    )
    respondent_unit = models.ForeignKey(
        "organizations.Unit",
        verbose_name=_("respondent (original acting agency)"),
        on_delete=models.PROTECT,
        related_name="appeals",
    )
    co_defendant_unit = models.ForeignKey(
        "organizations.Unit",
        verbose_name=_("reconsideration body as co-defendant"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="co_defended_appeals",
        help_text=_("The case is counted only for the original acting agency, never for this body."),
    )
    applications = models.ManyToManyField(
        "applications.Application",
        verbose_name=_("applications concerned"),
        blank=True,
        related_name="appeals",
    )
    earlier_case = models.ForeignKey(
        "self",
        verbose_name=_("reconsideration case before this lawsuit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="later_cases",
    )
    appellant_name = models.CharField(_("applicant for review / plaintiff"), max_length=200)
    reviewing_body = models.CharField(_("reconsideration body or court"), max_length=200)
    claim = models.TextField(_("claim"), blank=True)

    filed_on = models.DateField(_("filed on"))
    served_on = models.DateField(
        _("copy served on the respondent on"),
        null=True,
        blank=True,
        help_text=_("The answer period runs from this day."),
    )
    hearing_on = models.DateField(_("hearing on"), null=True, blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    result = models.CharField(
        _("result"), max_length=20, choices=AppealResult.choices, default=AppealResult.PENDING
    )
    decision_summary = models.TextField(_("decision summary"), blank=True)
    answer_due_on = models.DateField(_("answer due on"), null=True, blank=True)
    decision_due_on = models.DateField(_("decision expected by"), null=True, blank=True)

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = AppealCaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("reconsideration or litigation case")
        verbose_name_plural = _("reconsideration and litigation cases")
        ordering = ["-filed_on", "-pk"]
        indexes = [models.Index(fields=["respondent_unit", "filed_on"], name="appeal_unit_filed")]
        constraints = [
            models.CheckConstraint(
                condition=Q(result="pending", decided_on__isnull=True)
                | (~Q(result="pending") & Q(decided_on__isnull=False)),
                name="appeal_decided_has_result",
            ),
            models.CheckConstraint(
                condition=Q(decided_on__isnull=True) | Q(decided_on__gte=models.F("filed_on")),
                name="appeal_decided_after_filed",
            ),
            models.CheckConstraint(
                condition=Q(co_defendant_unit__isnull=True)
                | ~Q(co_defendant_unit=models.F("respondent_unit")),
                name="appeal_co_defendant_not_respondent",
            ),
        ]

    def __str__(self):
        return self.case_number or f"{self.get_kind_display()} {self.filed_on:%Y-%m-%d}"

    @property
    def is_pending(self) -> bool:
        return self.decided_on is None

    def result_on(self, day) -> str:
        """The Table IV column on ``day``: the result if decided by then, else pending."""
        if self.decided_on is not None and self.decided_on <= day:
            return self.result
        return AppealResult.PENDING

    def clean(self):
        errors = {}
        if self.result != AppealResult.PENDING and not self.decided_on:
            errors["decided_on"] = _("Enter the date of the decision or judgment.")
        if self.result == AppealResult.PENDING and self.decided_on:
            errors["result"] = _("A decided case needs its result: upheld, corrected or other.")
        if self.filed_on:
            for name in ("served_on", "hearing_on", "decided_on"):
                value = getattr(self, name)
                if value and value < self.filed_on:
                    errors[name] = _("This date cannot be before the filing date.")
        if self.co_defendant_unit_id and self.co_defendant_unit_id == self.respondent_unit_id:
            errors["co_defendant_unit"] = _("The co-defendant must be another body than the respondent.")
        if self.kind == AppealKind.RECONSIDERATION and self.co_defendant_unit_id:
            errors["co_defendant_unit"] = _("Only a lawsuit has a co-defendant.")
        if self.earlier_case_id and self.kind != AppealKind.LITIGATION_AFTER_RECONSIDERATION:
            errors["earlier_case"] = _("Only a lawsuit after reconsideration follows an earlier case.")
        if errors:
            raise ValidationError(errors)


class DocumentKind(models.TextChoices):
    APPLICATION = "application", _("Application for review or complaint")
    ANSWER = "answer", _("Written answer")
    EVIDENCE = "evidence", _("Evidence")
    DECISION = "decision", _("Decision or judgment")
    OTHER = "other", _("Other")


def _private_storage():
    from django.core.files.storage import storages

    return storages["private"]


class AppealDocument(models.Model):
    """A document of the case file. Stored privately: served only to staff who may see the case."""

    case = models.ForeignKey(AppealCase, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(
        _("kind"), max_length=20, choices=DocumentKind.choices, default=DocumentKind.OTHER
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), storage=_private_storage, upload_to="appeals/%Y/%m/")
    dated = models.DateField(_("dated"), null=True, blank=True)
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("case document")
        verbose_name_plural = _("case documents")
        ordering = ["dated", "pk"]

    def __str__(self):
        return self.title
