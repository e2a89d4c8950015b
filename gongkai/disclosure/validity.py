"""Validity (有效性) of published documents.

国办发〔2017〕47号: "如相关文件资料发生修改、废止、失效等情况，应及时公开，并在已发布的原文件上作出明确标注"
— a repealed, amended or lapsed document stays published and is clearly marked, with a link to the
document that replaced it.
"""

import datetime as dt

from django.db.models import Q
from django.utils.translation import gettext as _

from .models.choices import Validity


def validate_validity(item) -> dict:
    """Field errors for inconsistent validity data (empty dict when consistent)."""
    errors = {}
    if item.validity == Validity.IN_FORCE:
        if item.validity_changed_on:
            errors["validity_changed_on"] = _("A document in force has no repeal or expiry date; clear it.")
    elif item.validity in (Validity.REPEALED, Validity.EXPIRED) and not item.validity_changed_on:
        errors["validity_changed_on"] = _("Enter the date the document was repealed or expired.")
    if item.validity_changed_on and item.date_written and item.validity_changed_on < item.date_written:
        errors["validity_changed_on"] = _("The date of repeal cannot be earlier than the date written.")
    if item.replaced_by_id and item.pk and item.replaced_by_id == item.pk:
        errors["replaced_by"] = _("A document cannot replace itself.")
    return errors


def in_force_on(date: dt.date) -> Q:
    """Items valid on ``date``: written by then and not repealed or expired on or before it.

    Amended documents remain in force (their text changed, they were not withdrawn).
    """
    ended = Q(validity__in=[Validity.REPEALED, Validity.EXPIRED]) & (
        Q(validity_changed_on__isnull=True) | Q(validity_changed_on__lte=date)
    )
    return Q(date_written__lte=date) & ~ended


def repealed_in_year(year: int) -> Q:
    """Items repealed (废止) — or lapsed — in ``year``."""
    return Q(validity__in=[Validity.REPEALED, Validity.EXPIRED], validity_changed_on__year=year)


def mark(item, validity: str, *, on: dt.date, replaced_by=None, user=None):
    """Change an item's validity, publish that change and write it to the audit log."""
    from gongkai.core.audit import record_event

    before = item.validity
    item.validity = validity
    item.validity_changed_on = on if validity != Validity.IN_FORCE else None
    item.replaced_by = replaced_by
    errors = validate_validity(item)
    if errors:
        from django.core.exceptions import ValidationError

        raise ValidationError(errors)
    revision = item.save_revision(user=user, log_action=True)
    if item.live:
        revision.publish(user=user)
    record_event(
        item,
        "validity_changed",
        actor=user,
        changes={"validity": [before, validity], "replaced_by": [None, replaced_by]},
    )
    return item
