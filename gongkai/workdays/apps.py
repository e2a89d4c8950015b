from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkdaysConfig(AppConfig):
    name = "gongkai.workdays"
    verbose_name = _("Working-day calendar")

    def ready(self):
        from auditlog.registry import auditlog

        from .models import CalendarYear, DayOverride

        auditlog.register(DayOverride)
        auditlog.register(CalendarYear)
