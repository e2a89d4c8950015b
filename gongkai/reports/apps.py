from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "gongkai.reports"
    verbose_name = _("Annual reports")

    def ready(self):
        from auditlog.registry import auditlog

        from .models import AnnualReport, Table2Entry

        auditlog.register(AnnualReport, exclude_fields=["snapshot", "updated_at"])
        auditlog.register(Table2Entry, exclude_fields=["updated_at"])
