"""Government gazette issues (政府公报): quarterly, listing the documents they contain."""

from modelcluster.fields import ParentalManyToManyField

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from gongkai.core.page_speed import PublicPageMixin


class GazetteIssuePage(PublicPageMixin, Page):
    year = models.PositiveIntegerField(
        _("year"), validators=[MinValueValidator(1990), MaxValueValidator(2100)]
    )
    issue = models.PositiveSmallIntegerField(
        _("issue (quarter)"), validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    date_issued = models.DateField(_("date issued"))
    foreword = RichTextField(_("foreword"), blank=True)
    documents = ParentalManyToManyField(
        "disclosure.InformationItemPage",
        verbose_name=_("documents in this issue"),
        blank=True,
        related_name="gazette_issues",
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("year"), FieldPanel("issue"), FieldPanel("date_issued")]),
        FieldPanel("foreword"),
        FieldPanel("documents"),
    ]
    parent_page_types = ["disclosure.ColumnPage"]
    subpage_types = []
    search_fields = []

    class Meta:
        verbose_name = _("gazette issue")
        verbose_name_plural = _("gazette issues")
        constraints = [models.UniqueConstraint(fields=["year", "issue"], name="unique_gazette_issue")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["documents_in_issue"] = (
            self.documents.all().live().select_related("unit").order_by("date_written")
        )
        return context
