"""Receivers: index numbers at first publication, search index updates, per-unit groups."""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from gongkai.organizations.models import Membership, Unit

from .models import ColumnKind, ColumnPage, HomePage, InformationItemPage, PolicyInterpretationPage


def _indexing_suspended() -> bool:
    from .indexing import is_suspended

    return is_suspended()


@receiver(page_published)
def on_published(sender, instance, revision=None, **kwargs):
    from gongkai.core.audit import record_event

    from . import index_numbers, tasks

    page = instance.specific if type(instance) is not sender else instance
    if isinstance(page, InformationItemPage):
        first = not page.index_number
        if index_numbers.ensure_assigned(page) and first:
            record_event(
                page,
                "item_published",
                actor=getattr(revision, "user", None),
                changes={"index_number": [None, page.index_number]},
                message=page.title,
            )
    if isinstance(page, InformationItemPage | PolicyInterpretationPage) and not _indexing_suspended():
        page_id = page.pk
        transaction.on_commit(lambda: tasks.index_pages.enqueue([page_id]))


@receiver(page_unpublished)
def on_unpublished(sender, instance, **kwargs):
    from . import tasks

    if (
        isinstance(instance.specific, InformationItemPage | PolicyInterpretationPage)
        and not _indexing_suspended()
    ):
        page_id = instance.pk
        transaction.on_commit(lambda: tasks.index_pages.enqueue([page_id]))


@receiver(post_page_move)
def on_moved(sender, instance, **kwargs):
    from . import tasks

    if isinstance(instance.specific, ColumnPage):  # paths changed: the cached column tree is stale
        from .templatetags.disclosure_tags import forget_chrome

        forget_chrome()

    ids = list(
        InformationItemPage.objects.descendant_of(instance, inclusive=True).values_list("pk", flat=True)
    )
    if ids:
        transaction.on_commit(lambda: tasks.index_pages.enqueue(ids))


@receiver(post_save, sender=Membership)
def on_membership_saved(sender, instance, **kwargs):
    from .unit_access import sync_user_groups

    sync_user_groups(instance.user)


@receiver(post_save, sender=Unit)
def on_unit_saved(sender, instance, created, raw=False, **kwargs):
    """A new unit gets its own column once the portal's column tree exists."""
    if raw or not instance.is_active:
        return
    if (
        ColumnPage.objects.filter(column_kind=ColumnKind.UNITS).exists()
        and not ColumnPage.objects.filter(column_kind=ColumnKind.UNIT, unit=instance).exists()
    ):
        from .structure import ensure_unit_column

        ensure_unit_column(instance)


@receiver(page_published)
@receiver(page_unpublished)
def on_column_changed(sender, instance, **kwargs):
    if issubclass(sender, ColumnPage | HomePage) or isinstance(instance, ColumnPage | HomePage):
        from .templatetags.disclosure_tags import forget_chrome

        forget_chrome()


@receiver(post_save, sender=Unit)
def on_unit_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        from .templatetags.disclosure_tags import forget_chrome

        forget_chrome()
