from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssistantConfig(AppConfig):
    name = "gongkai.assistant"
    verbose_name = _("Q&A assistant")

    def ready(self):
        from . import signals  # noqa: F401
