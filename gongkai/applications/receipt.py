"""The date of receipt of an application (Regulations art. 31).

(一) in person: the day of submission; (二) post: the day the agency signs for it, or for ordinary letters
that need no signature, the day the office confirms with the applicant; (三) online or the office's fax:
the day both sides confirm.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.audit import record_event
from gongkai.organizations.permissions import Action, require
from gongkai.workdays.calendar import WorkdayCalendar

from .models import Application, Channel, Status

#: Channels whose receipt date is fixed at registration (art. 31(一)).
IMMEDIATE = {Channel.IN_PERSON, Channel.ORAL}
#: Confirming receipt later than this after arrival needs a stated reason: the clock starts from the
#: confirmation (art. 31(二)(三)), so a late one must not move it silently. Reminders start after 2.
CONFIRM_WITHIN_WORKING_DAYS = 3
REMIND_UNCONFIRMED_AFTER_WORKING_DAYS = 2


def receipt_date(
    channel: str, *, submitted_on: dt.date, signed_for_on=None, confirmed_on=None
) -> dt.date | None:
    """Art. 31: the date of receipt for ``channel``, or None while it is not yet established."""
    channel = Channel(channel)
    if channel in IMMEDIATE:
        return submitted_on
    if channel == Channel.POST_SIGNED:
        return signed_for_on
    return confirmed_on  # ordinary letter: confirmed with the applicant; online and fax: both sides confirm


def receipt_note(channel: str) -> str:
    """Which rule of art. 31 fixed the date, as shown on the case."""
    return {
        Channel.IN_PERSON: _("Art. 31(1): submitted in person, the day of submission"),
        Channel.ORAL: _("Art. 31(1): oral application written down by staff, the day of submission"),
        Channel.POST_SIGNED: _("Art. 31(2): post, the day the agency signed for it"),
        Channel.POST_ORDINARY: _(
            "Art. 31(2): ordinary letter, the day receipt was confirmed with the applicant"
        ),
        Channel.ONLINE: _("Art. 31(3): online, the day both sides confirmed"),
        Channel.FAX: _("Art. 31(3): fax, the day both sides confirmed"),
    }[Channel(channel)]


@transaction.atomic
def confirm_receipt(application: Application, actor, *, confirmed_on: dt.date, note: str = "") -> Application:
    """Art. 31(二)(三): record the day receipt was confirmed (online, fax, ordinary letter) or signed for."""
    app = Application.objects.select_for_update().get(pk=application.pk)
    require(actor, Action.HANDLE_CASE, app.handling_unit)
    if app.received_on is not None:
        raise ValidationError(
            _("The date of receipt is already established (%(date)s).") % {"date": app.received_on}
        )
    if confirmed_on < app.submitted_on or confirmed_on > timezone.localdate():
        raise ValidationError(_("The date of receipt must be between the submission date and today."))
    arrived = app.arrived_on or app.submitted_on
    lag = WorkdayCalendar().working_days_between(arrived, confirmed_on).working_days
    if lag > CONFIRM_WITHIN_WORKING_DAYS and not note.strip():
        raise ValidationError(
            _(
                "The application arrived on %(arrived)s, %(lag)s working days before this confirmation; "
                "record why it was confirmed so late."
            )
            % {"arrived": arrived, "lag": lag}
        )
    app.received_on = confirmed_on
    app.receipt_note = note or receipt_note(app.channel)
    app.status = Status.REGISTERED
    app.save(update_fields=["received_on", "receipt_note", "status", "updated_at"])
    record_event(
        app,
        "receipt_confirmed",
        actor=actor,
        changes={"received_on": [None, confirmed_on]},
        message=app.receipt_note,
    )
    from . import letters
    from .clock_events import refresh
    from .models import LetterKind

    refresh(app)
    letters.issue(app, LetterKind.ACKNOWLEDGEMENT, actor=actor, issued_on=app.received_on)
    return app
