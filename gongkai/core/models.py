from django.db import models
from django.utils.translation import gettext_lazy as _


class JobRun(models.Model):
    """When a scheduled job last ran, so that restarts neither skip nor repeat it."""

    name = models.CharField(_("job"), max_length=100, unique=True)
    last_started_at = models.DateTimeField(_("last started"), null=True, blank=True)
    last_finished_at = models.DateTimeField(_("last finished"), null=True, blank=True)
    last_ok = models.BooleanField(_("last run succeeded"), default=True)
    last_output = models.TextField(_("last output"), blank=True)

    class Meta:
        verbose_name = _("scheduled job run")
        verbose_name_plural = _("scheduled job runs")

    def __str__(self):
        return self.name
