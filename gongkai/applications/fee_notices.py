"""Fee notices and payments (Regulations art. 42; 国办函〔2020〕109号; Sichuan implementing notice).

The notice states basis, standard, amount and payment method; the applicant pays within 20 working days
counted from the day after the notice; the clock stops meanwhile; unpaid → ``other_overdue_fee``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.audit import record_event
from gongkai.organizations.permissions import Action, require

from . import clock, fees, letters
from .clock_events import _check_open_and_running, refresh
from .models import Application, ClockSegment, FeeMethod, FeeNotice, LetterKind, SegmentKind, Status

DEFAULT_PAYMENT_METHOD = "通过非税收入缴款通知书载明的方式缴入国库（银行柜台或网上缴款）。"


@transaction.atomic
def issue(
    app: Application,
    actor,
    *,
    method: str,
    quantity: int,
    issued_on: dt.date,
    payment_method: str = "",
    received_on: dt.date | None = None,
) -> FeeNotice:
    """109号 art. 3–5: charge under exactly one standard; the notice stops the clock until paid.

    ``received_on`` is the day the applicant received the notice (the same day when it is sent
    electronically); the 20 working days to pay run from the next day.
    """
    app = Application.objects.select_for_update().get(pk=app.pk)
    require(actor, Action.HANDLE_CASE, app.handling_unit)
    _check_open_and_running(app, issued_on)
    state = clock.compute(app, today=issued_on)
    if state.due_date and issued_on > state.due_date and not state.provisional:
        raise ValidationError(
            _("The reply period ended on %(date)s; a fee notice can no longer be issued.")
            % {"date": state.due_date}
        )
    received_on = received_on or issued_on
    if received_on < issued_on or received_on > timezone.localdate():
        raise ValidationError(_("The notice cannot be received before it is issued, or in the future."))
    method = FeeMethod(method)
    if app.fee_notices.exclude(method=method).exists():
        raise ValidationError(
            _("An application is charged under one standard only, never both (109号 art. 3).")
        )
    if app.fee_notices.filter(paid_on__isnull=True).exists():
        raise ValidationError(_("A fee notice on this application is still unpaid."))
    if quantity < 1:
        raise ValidationError(_("Enter the number of pages or applications."))
    quote = fees.quote_for(app, method, quantity)
    if quote.amount_yuan <= 0:
        raise ValidationError(_("This quantity is within the free allowance; no fee can be charged."))
    due_on = clock.fee_payment_due(received_on)
    notice = FeeNotice.objects.create(
        application=app, method=method, quantity=quantity, breakdown=[asdict(b) for b in quote.breakdown],
        issued_on=issued_on, received_on=received_on, due_on=due_on, amount_yuan=Decimal(quote.amount_yuan),
        payment_method=payment_method or DEFAULT_PAYMENT_METHOD,
    )  # fmt: skip
    ClockSegment.objects.create(
        application=app, kind=SegmentKind.FEE, started_on=issued_on, expected_end_on=due_on,
        reason=_("Fee notice: %(amount)s yuan") % {"amount": quote.amount_yuan},
    )  # fmt: skip
    previous, app.status = app.status, Status.FEE
    app.save(update_fields=["status", "updated_at"])
    record_event(
        app, "fee_notice_issued", actor=actor,
        changes={"status": [previous, Status.FEE], "fee_amount_yuan": [None, quote.amount_yuan]},
    )  # fmt: skip
    letters.issue(app, LetterKind.FEE, actor=actor, issued_on=issued_on, notice=notice)
    refresh(app)
    return notice


@transaction.atomic
def record_payment(notice: FeeNotice, actor, *, paid_on: dt.date, amount_yuan) -> FeeNotice:
    """Record payment; the clock runs again from the day after payment."""
    app = Application.objects.select_for_update().get(pk=notice.application_id)
    require(actor, Action.HANDLE_CASE, app.handling_unit)
    notice.refresh_from_db()
    if notice.paid_on:
        raise ValidationError(_("This fee notice is already paid."))
    amount = Decimal(str(amount_yuan))
    if amount != notice.amount_yuan:
        raise ValidationError(
            _("The amount paid must equal the amount of the notice (%(a)s yuan).") % {"a": notice.amount_yuan}
        )
    if paid_on < notice.issued_on:
        raise ValidationError(_("Payment cannot be before the notice."))
    if notice.due_on and paid_on > notice.due_on:
        raise ValidationError(
            _("The payment period ended on %(d)s; close the case as fee unpaid.") % {"d": notice.due_on}
        )
    notice.paid_on, notice.paid_amount_yuan = paid_on, amount
    notice.save(update_fields=["paid_on", "paid_amount_yuan"])
    stop = app.clock_segments.filter(kind=SegmentKind.FEE, ended_on__isnull=True).first()
    if stop:
        stop.ended_on = paid_on
        stop.save(update_fields=["ended_on"])
    if app.status == Status.FEE:
        app.status = Status.IN_PROGRESS
        app.save(update_fields=["status", "updated_at"])
    record_event(
        app, "fee_paid", actor=actor, changes={"fee_paid_yuan": [None, amount], "paid_on": [None, paid_on]}
    )
    refresh(app)
    return notice


@transaction.atomic
def record_notice_receipt(notice: FeeNotice, actor, *, received_on: dt.date) -> FeeNotice:
    """The applicant received the notice later than it was issued (post): the payment period moves."""
    app = Application.objects.select_for_update().get(pk=notice.application_id)
    require(actor, Action.HANDLE_CASE, app.handling_unit)
    notice.refresh_from_db()
    if notice.paid_on:
        raise ValidationError(_("This fee notice is already paid."))
    if received_on < notice.issued_on or received_on > timezone.localdate():
        raise ValidationError(_("The notice cannot be received before it is issued, or in the future."))
    before = notice.due_on
    notice.received_on, notice.due_on = received_on, clock.fee_payment_due(received_on)
    notice.save(update_fields=["received_on", "due_on"])
    app.clock_segments.filter(kind=SegmentKind.FEE, ended_on__isnull=True).update(
        expected_end_on=notice.due_on
    )
    record_event(app, "fee_notice_received", actor=actor, changes={"fee_due_on": [before, notice.due_on]})
    refresh(app)
    return notice
