"""Annual reports (Regulations art. 49–50), the Table II figures entered per unit and year, and the
portal page a report is published as.

A report computed from records reads its figures live until it is approved; approval freezes them in
``snapshot`` (the JSON exchange format) so that the published report never changes afterwards. A
report of a past year or written elsewhere holds its tables in ``entered_tables``.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from gongkai.core.page_speed import PublicPageMixin

from .formats import ReportFormat


class ReportKind(models.TextChoices):
    UNIT = "unit", _("Report of a unit (publish by 31 January)")
    DISTRICT_SUMMARY = "district_summary", _("District summary of the units' reports (by 20 February)")
    GOVERNMENT = "government", _("Report of the district government (by 31 March)")


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for review")
    APPROVED = "approved", _("Approved")
    PUBLISHED = "published", _("Published")


class ReportOrigin(models.TextChoices):
    COMPUTED = "computed", _("Computed from the system's records")
    ENTERED = "entered", _("Entered or imported (written elsewhere)")


class AnnualReportQuerySet(models.QuerySet):
    def for_user(self, user, action="view"):
        from gongkai.organizations.permissions import scope_queryset

        return scope_queryset(self, user, unit_field="unit", action=action)


class AnnualReport(models.Model):
    unit = models.ForeignKey(
        "organizations.Unit",
        verbose_name=_("reporting unit"),
        on_delete=models.PROTECT,
        related_name="annual_reports",
    )
    year = models.PositiveSmallIntegerField(_("report year"))
    kind = models.CharField(_("kind"), max_length=20, choices=ReportKind.choices, default=ReportKind.UNIT)
    format = models.CharField(_("format"), max_length=4, choices=ReportFormat.choices)
    include_subunits = models.BooleanField(
        _("include all units under it"),
        default=False,
        help_text=_("For the district: count the records of every unit, not only the government's own."),
    )
    origin = models.CharField(
        _("origin"), max_length=10, choices=ReportOrigin.choices, default=ReportOrigin.COMPUTED
    )
    status = models.CharField(
        _("status"), max_length=12, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    title = models.CharField(_("title"), max_length=200)

    overview = models.TextField(_("一、总体情况"), blank=True)
    problems = models.TextField(_("五、存在的主要问题及改进情况"), blank=True)
    other_matters = models.TextField(_("六、其他需要报告的事项"), blank=True)

    entered_tables = models.JSONField(_("entered tables"), null=True, blank=True)
    snapshot = models.JSONField(_("figures as approved"), null=True, blank=True, editable=False)
    source_url = models.URLField(_("source page"), blank=True)

    review_note = models.TextField(_("reviewer's note"), blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = AnnualReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("annual report")
        verbose_name_plural = _("annual reports")
        ordering = ["-year", "unit__sort_order"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "year", "kind"], name="one_report_per_unit_year_kind"),
        ]

    def __str__(self):
        return self.title

    @property
    def is_frozen(self) -> bool:
        return self.snapshot is not None

    def unit_ids(self) -> list[int]:
        """The units whose records the report counts."""
        if self.kind == ReportKind.DISTRICT_SUMMARY or self.include_subunits:
            return [self.unit_id, *(u.pk for u in self.unit.descendants())]
        return [self.unit_id]


class Table2Entry(models.Model):
    """Table II figures the system does not hold, entered per unit and year (§1.3).

    2021 format: decisions of licensing, penalty and compulsion ("包括已公开和依法未公开的全部处理决定",
    as of 31 December) and administrative fees in 万元. 2019 format: the previous-year item counts, the
    change, and centralised procurement. Rules and normative documents come from the disclosure
    records when the portal provides them; the fields here are used otherwise.
    """

    unit = models.ForeignKey(
        "organizations.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="table2_entries"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    # (一) when not available from the disclosure records
    rules_issued = models.PositiveIntegerField(_("rules issued (本年制发/新制作)"), null=True, blank=True)
    rules_repealed = models.PositiveIntegerField(_("rules repealed"), null=True, blank=True)
    rules_in_force = models.PositiveIntegerField(_("rules in force"), null=True, blank=True)
    rules_published = models.PositiveIntegerField(_("rules newly published (2019)"), null=True, blank=True)
    rules_total_published = models.PositiveIntegerField(
        _("rules published in total (2019)"), null=True, blank=True
    )
    normative_issued = models.PositiveIntegerField(_("normative documents issued"), null=True, blank=True)
    normative_repealed = models.PositiveIntegerField(_("normative documents repealed"), null=True, blank=True)
    normative_in_force = models.PositiveIntegerField(_("normative documents in force"), null=True, blank=True)
    normative_published = models.PositiveIntegerField(
        _("normative documents newly published (2019)"), null=True, blank=True
    )
    normative_total_published = models.PositiveIntegerField(
        _("normative documents published in total (2019)"), null=True, blank=True
    )
    # (五)(六) decisions
    licensing_decisions = models.PositiveIntegerField(_("licensing decisions"), null=True, blank=True)
    penalty_decisions = models.PositiveIntegerField(_("penalty decisions"), null=True, blank=True)
    compulsion_decisions = models.PositiveIntegerField(_("compulsion decisions"), null=True, blank=True)
    # (八)
    fee_amount_wan = models.DecimalField(
        _("administrative fees collected (10,000 yuan)"),
        max_digits=14,
        decimal_places=4,
        null=True,
        blank=True,
    )
    # 2019 format only
    licensing_previous_items = models.IntegerField(_("licensing items last year"), null=True, blank=True)
    licensing_change = models.IntegerField(_("licensing items +/−"), null=True, blank=True)
    other_services_previous_items = models.IntegerField(
        _("other services items last year"), null=True, blank=True
    )
    other_services_change = models.IntegerField(_("other services items +/−"), null=True, blank=True)
    other_services_decisions = models.PositiveIntegerField(
        _("other services decisions"), null=True, blank=True
    )
    penalty_previous_items = models.IntegerField(_("penalty items last year"), null=True, blank=True)
    penalty_change = models.IntegerField(_("penalty items +/−"), null=True, blank=True)
    compulsion_previous_items = models.IntegerField(_("compulsion items last year"), null=True, blank=True)
    compulsion_change = models.IntegerField(_("compulsion items +/−"), null=True, blank=True)
    fee_previous_items = models.IntegerField(_("fee items last year"), null=True, blank=True)
    fee_change = models.IntegerField(_("fee items +/−"), null=True, blank=True)
    procurement_items = models.PositiveIntegerField(_("procurement projects"), null=True, blank=True)
    procurement_amount_wan = models.DecimalField(
        _("procurement amount (10,000 yuan)"), max_digits=14, decimal_places=4, null=True, blank=True
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("Table II figures")
        verbose_name_plural = _("Table II figures")
        ordering = ["-year", "unit__sort_order"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "year"], name="one_table2_entry_per_unit_year")
        ]

    def __str__(self):
        return f"{self.unit} {self.year}"


class ReminderLog(models.Model):
    """A deadline reminder sent, so that each is sent once."""

    unit = models.ForeignKey("organizations.Unit", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=20, choices=ReportKind.choices)
    days_before = models.SmallIntegerField()
    sent_at = models.DateTimeField(auto_now_add=True)
    recipients = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "year", "kind", "days_before"], name="one_reminder_per_step"
            )
        ]

    def __str__(self):
        return f"{self.unit_id} {self.year} {self.kind} -{self.days_before}"


class AnnualReportPage(PublicPageMixin, Page):
    """The published report in the portal's annual-report column. Its figures are the approved snapshot."""

    report = models.OneToOneField(
        AnnualReport,
        verbose_name=_("report"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="page",
    )

    class Meta:
        verbose_name = _("annual report page")

    def get_context(self, request, *args, **kwargs):
        from .rendering import report_context

        context = super().get_context(request, *args, **kwargs)
        if self.report is not None:
            context.update(report_context(self.report))
        return context
