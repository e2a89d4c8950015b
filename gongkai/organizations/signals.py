from auditlog.registry import auditlog

from django.db.models.signals import post_delete, post_migrate, post_save
from django.dispatch import receiver

from .models import Leader, Membership, Unit

auditlog.register(Unit)
auditlog.register(Leader)
auditlog.register(Membership)


@receiver(post_migrate)
def create_role_groups(sender, app_config=None, **kwargs):
    # Permissions are created app by app during post_migrate; wait for the last app.
    from django.apps import apps

    if app_config is not None and app_config is list(apps.get_app_configs())[-1]:
        from .services import ensure_role_groups

        ensure_role_groups()


@receiver([post_save, post_delete], sender=Membership)
def membership_changed(sender, instance, **kwargs):
    # Memberships edited in the admin must move the user between role groups too.
    from .services import sync_groups

    sync_groups(instance.user)
