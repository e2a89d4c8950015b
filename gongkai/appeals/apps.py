from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AppealsConfig(AppConfig):
    name = "gongkai.appeals"
    verbose_name = _("Reconsideration and litigation")

    def ready(self):
        from auditlog.registry import auditlog

        from .models import AppealCase, AppealDocument

        auditlog.register(AppealCase, m2m_fields={"applications"})
        auditlog.register(AppealDocument, exclude_fields=["file"])
