"""Policy interpretations (政策解读), linked both ways to the document they explain."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from gongkai.core.page_speed import PublicPageMixin

from ..forms import UnitScopedPageForm
from .choices import InterpretationKind


class PolicyInterpretationPage(PublicPageMixin, Page):
    policy = models.ForeignKey(
        "disclosure.InformationItemPage",
        verbose_name=_("policy document interpreted"),
        on_delete=models.PROTECT,
        related_name="interpretations",
    )
    unit = models.ForeignKey(
        "organizations.Unit", verbose_name=_("issuing unit"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(
        _("form of interpretation"),
        max_length=16,
        choices=InterpretationKind.choices,
        default=InterpretationKind.TEXT,
    )
    summary = models.TextField(_("summary"), blank=True)
    body = RichTextField(_("body"), blank=True, help_text=_("Text, pictures, or questions and answers."))
    video_url = models.URLField(_("video address"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("illustration"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("policy"),
        FieldPanel("unit"),
        FieldPanel("kind"),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("image"),
        FieldPanel("video_url"),
    ]
    parent_page_types = ["disclosure.ColumnPage"]
    subpage_types = []
    search_fields = []
    base_form_class = UnitScopedPageForm

    class Meta:
        verbose_name = _("policy interpretation")
        verbose_name_plural = _("policy interpretations")

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if self.kind == InterpretationKind.VIDEO and not self.video_url:
            raise ValidationError({"video_url": _("A video interpretation needs the address of the video.")})
