"""Book-keeping records: index-number counters and extracted attachment text."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class IndexNumberCounter(models.Model):
    """The last serial number given for one prefix and period (e.g. a unit's code and a year)."""

    prefix = models.CharField(_("prefix"), max_length=64)
    period = models.CharField(_("period"), max_length=8)
    last_serial = models.PositiveIntegerField(_("last serial number"), default=0)

    class Meta:
        verbose_name = _("index number counter")
        constraints = [models.UniqueConstraint(fields=["prefix", "period"], name="unique_index_counter")]

    def __str__(self):
        return f"{self.prefix}/{self.period}: {self.last_serial}"


class AttachmentText(models.Model):
    """Text extracted from an uploaded file, cached by the file's checksum."""

    document = models.OneToOneField(
        "wagtaildocs.Document",
        on_delete=models.CASCADE,
        related_name="extracted_text",
        verbose_name=_("file"),
    )
    checksum = models.CharField(_("checksum"), max_length=64)
    text = models.TextField(_("text"), blank=True)
    error = models.CharField(_("extraction error"), max_length=300, blank=True)
    extracted_at = models.DateTimeField(_("extracted at"), auto_now=True)

    class Meta:
        verbose_name = _("extracted attachment text")

    def __str__(self):
        return f"{self.document_id}: {len(self.text)} chars"
