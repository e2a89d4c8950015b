from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    name = "gongkai.applications"
    verbose_name = _("Applications for disclosure")

    def ready(self):
        from auditlog.registry import auditlog

        from gongkai.workdays.signals import calendar_changed

        from .clock_events import refresh_open_cases

        calendar_changed.connect(refresh_open_cases, dispatch_uid="applications_refresh_due_dates")

        from . import models

        auditlog.register(
            models.Application,
            exclude_fields=[
                "verification_code_hash",
                "submission_fingerprint",
                "idempotency_key",
                "updated_at",
            ],
            mask_fields=["id_document_number"],
        )
        for name in (
            "ClockSegment",
            "Attachment",
            "FeeNotice",
            "WithheldPart",
            "Decision",
            "Letter",
            "ApiToken",
        ):
            model = getattr(models, name, None)
            if model is not None:
                auditlog.register(model, exclude_fields=["key_hash"] if name == "ApiToken" else None)
