"""The standard catalogue of disclosure items (基层政务公开标准目录, 国办发〔2019〕54号)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .choices import KeyArea


class Frequency(models.TextChoices):
    AS_OCCURS = "as_occurs", _("Whenever the information is formed or changed")
    MONTHLY = "monthly", _("Monthly")
    QUARTERLY = "quarterly", _("Quarterly")
    ANNUAL = "annual", _("Annually")


class Audience(models.TextChoices):
    SOCIETY = "society", _("The whole society")
    SPECIFIC = "specific", _("Specific groups")


class Manner(models.TextChoices):
    PROACTIVE = "proactive", _("Proactive")
    ON_APPLICATION = "on_application", _("On application")


class StandardCatalogueEntry(models.Model):
    """One row of the standard list: item, content, basis, time limit, body, channel, audience, manner."""

    area = models.CharField(_("area"), max_length=32, choices=KeyArea.choices)
    item_level1 = models.CharField(_("disclosure item (first level)"), max_length=200)
    item_level2 = models.CharField(_("disclosure item (second level)"), max_length=200, blank=True)
    content = models.TextField(_("content (elements)"))
    basis = models.TextField(_("basis"))
    time_limit = models.CharField(
        _("time limit"), max_length=200, default="自信息形成或者变更之日起20个工作日内"
    )
    time_limit_working_days = models.PositiveSmallIntegerField(_("time limit in working days"), default=20)
    frequency = models.CharField(
        _("frequency"), max_length=16, choices=Frequency.choices, default=Frequency.AS_OCCURS
    )
    responsible_unit = models.ForeignKey(
        "organizations.Unit",
        verbose_name=_("responsible unit"),
        on_delete=models.PROTECT,
        related_name="standard_entries",
    )
    channels = models.CharField(_("channels and carriers"), max_length=300, default="政府网站")
    audience = models.CharField(
        _("audience"), max_length=16, choices=Audience.choices, default=Audience.SOCIETY
    )
    manner = models.CharField(_("manner"), max_length=16, choices=Manner.choices, default=Manner.PROACTIVE)
    sort_order = models.PositiveIntegerField(_("sort order"), default=0)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("standard catalogue entry")
        verbose_name_plural = _("standard catalogue entries")
        ordering = ["area", "sort_order", "pk"]

    def __str__(self):
        return " / ".join(p for p in (self.get_area_display(), self.item_level1, self.item_level2) if p)
