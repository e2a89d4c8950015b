"""The actions of the case page: each calls one service; the service checks rules and permissions."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import clock_events, decisions, fee_notices, receipt, routing
from ..outcomes import default_basis


def _date(request, name):
    from .staff import parse_date

    return parse_date(request.POST.get(name), timezone.localdate())


def _int(request, name):
    try:
        return int(request.POST.get(name, ""))
    except ValueError as exc:
        raise ValidationError(_("Enter a whole number.")) from exc


TEXT_LIMIT = 4000  # the same bound as the staff API's free text


def _text(request, name):
    value = request.POST.get(name, "").strip()
    if len(value) > TEXT_LIMIT:
        raise ValidationError(_("At most %(n)s characters, please.") % {"n": TEXT_LIMIT})
    return value


def confirm_receipt(request, app):
    receipt.confirm_receipt(app, request.user, confirmed_on=_date(request, "on"), note=_text(request, "note"))


def take(request, app):
    routing.take(app, request.user)


def assign(request, app):
    from gongkai.organizations.models import Unit

    unit = Unit.objects.filter(pk=request.POST.get("unit")).first()
    if unit is None:
        raise ValidationError(_("Choose a unit."))
    co = list(Unit.objects.filter(pk__in=request.POST.getlist("co_units")))
    routing.assign(app, request.user, unit=unit, co_units=co)


def transfer(request, app):
    routing.record_transfer(
        app, request.user, agency=_text(request, "agency"), contact=_text(request, "contact")
    )


def correction(request, app):
    clock_events.request_correction(
        app, request.user, notice_on=_date(request, "on"), items=_text(request, "items"),
        period_working_days=_int(request, "period"), longer_reason=_text(request, "longer_reason"),
    )  # fmt: skip


def correction_received(request, app):
    clock_events.receive_correction(app, request.user, received_on=_date(request, "on"))


def consultation(request, app):
    received = request.POST.get("received_on")
    clock_events.start_consultation(
        app, request.user, kind=request.POST.get("kind", ""), party=_text(request, "party"),
        sent_on=_date(request, "on"), reason=_text(request, "reason"), party_contact=_text(request, "contact"),
        party_received_on=_date(request, "received_on") if received else None,
    )  # fmt: skip


def _consultation_id(request):
    value = request.POST.get("consultation", "")
    return int(value) if value.isdigit() else None


def consultation_end(request, app):
    clock_events.end_consultation(
        app, request.user, answered_on=_date(request, "on"), answer=_text(request, "answer"),
        segment_id=_consultation_id(request),
    )  # fmt: skip


def consultation_received(request, app):
    clock_events.record_party_receipt(
        app, request.user, segment_id=_consultation_id(request), received_on=_date(request, "on")
    )


def extend(request, app):
    clock_events.extend(
        app,
        request.user,
        approved_on=_date(request, "on"),
        working_days=_int(request, "days"),
        reason=_text(request, "reason"),
    )


def fee(request, app):
    fee_notices.issue(
        app, request.user, method=request.POST.get("method", ""), quantity=_int(request, "quantity"),
        issued_on=_date(request, "on"), payment_method=_text(request, "payment_method"),
    )  # fmt: skip


def fee_paid(request, app):
    notice = app.fee_notices.filter(pk=request.POST.get("notice")).first()
    if notice is None:
        raise ValidationError(_("No such fee notice on this case."))
    fee_notices.record_payment(
        notice, request.user, paid_on=_date(request, "on"), amount_yuan=request.POST.get("amount") or "0"
    )


def draft(request, app):
    outcome = request.POST.get("outcome", "")
    basis = request.POST.get("legal_basis") or (default_basis(outcome).articles if outcome else "")
    withheld = [
        {"description": d.strip(), "ground": g, "reason": r}
        for d, g, r in zip(request.POST.getlist("withheld_description"), request.POST.getlist("withheld_ground"),
                           request.POST.getlist("withheld_reason"), strict=False)
        if d.strip()
    ]  # fmt: skip
    decision = decisions.draft(
        app, request.user, outcome=outcome, legal_basis=basis, text=_text(request, "text"), withheld=withheld
    )
    decisions.submit(decision, request.user)


def _decision(app):
    decision = app.decisions.first()
    if decision is None:
        raise ValidationError(_("There is no decision on this case."))
    return decision


def approve(request, app):
    decisions.approve(_decision(app), request.user, _text(request, "comment"))


def return_decision(request, app):
    decisions.return_for_revision(_decision(app), request.user, _text(request, "comment"))


def sign(request, app):
    decisions.sign_off(_decision(app), request.user, replied_on=_date(request, "on"))


def close(request, app):
    decisions.close_without_decision(
        app,
        request.user,
        outcome=request.POST.get("outcome", ""),
        closed_on=_date(request, "on"),
        reason=_text(request, "reason"),
    )


ACTIONS = {
    "confirm_receipt": confirm_receipt, "take": take, "assign": assign, "transfer": transfer,
    "correction": correction, "correction_received": correction_received, "consultation": consultation,
    "consultation_end": consultation_end, "consultation_received": consultation_received, "extend": extend, "fee": fee, "fee_paid": fee_paid, "draft": draft,
    "approve": approve, "return": return_decision, "sign": sign, "close": close,
}  # fmt: skip
