"""Side effects of knowledge-base changes: the audit log and the index version every process watches."""

from auditlog.registry import auditlog

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Entry, Synonym

auditlog.register(Entry, exclude_fields=["updated_at"])
auditlog.register(Synonym)


@receiver([post_save, post_delete], sender=Entry)
@receiver([post_save, post_delete], sender=Synonym)
def knowledge_changed(sender, instance, **kwargs):
    # Every process reloads its in-memory index when the version moves (retrieval/index.py).
    from .kb import bump_version

    bump_version()
