"""Routing: the disclosure office assigns a case to a handling unit, with co-handling units and a handler;
cases for information another agency holds are answered with that agency named (art. 36(5))."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.core.audit import record_event
from gongkai.organizations.models import Role
from gongkai.organizations.permissions import Action, can, is_office_admin, require

from .models import Application, Status


@transaction.atomic
def assign(app: Application, actor, *, unit, co_units=(), handler=None) -> Application:
    """Art. 45 (registration and handling procedure): the office assigns the handling unit."""
    if not is_office_admin(actor):
        raise PermissionDenied(_("Only the disclosure office assigns cases."))
    app = Application.objects.select_for_update().get(pk=app.pk)
    if app.is_closed:
        raise ValidationError(_("This case is closed."))
    if handler is not None and not can(handler, Action.HANDLE_CASE, unit):
        raise ValidationError(_("The handler must be a case handler of the handling unit."))
    before = (app.handling_unit.name, ", ".join(u.name for u in app.co_handling_units.all()))
    app.handling_unit = unit
    app.handler = handler
    if app.status == Status.REGISTERED:
        app.status = Status.IN_PROGRESS
    app.save()
    app.co_handling_units.set([u for u in co_units if u.pk != unit.pk])
    after = (unit.name, ", ".join(u.name for u in app.co_handling_units.all()))
    record_event(
        app, "assigned", actor=actor,
        changes={"handling_unit": [before[0], after[0]], "co_handling_units": [before[1], after[1]],
                 "handler": ["", handler.get_username() if handler else ""]},
    )  # fmt: skip
    return app


@transaction.atomic
def take(app: Application, actor) -> Application:
    """A handler of the handling unit takes the case."""
    require(actor, Action.HANDLE_CASE, app.handling_unit)
    app.handler = actor
    if app.status == Status.REGISTERED:
        app.status = Status.IN_PROGRESS
    app.save(update_fields=["handler", "status", "updated_at"])
    record_event(app, "taken", actor=actor, changes={"handler": ["", actor.get_username()]})
    return app


@transaction.atomic
def record_transfer(app: Application, actor, *, agency: str, contact: str) -> Application:
    """Art. 36(5): the information is another agency's to disclose; record that agency and its contact."""
    require(actor, Action.HANDLE_CASE, app.handling_unit)
    if not agency.strip():
        raise ValidationError(_("Name the agency responsible for the information."))
    app.transferred_to, app.transferred_contact = agency, contact
    app.save(update_fields=["transferred_to", "transferred_contact", "updated_at"])
    record_event(app, "transfer_recorded", actor=actor, changes={"transferred_to": ["", agency]})
    return app


def handlers_of(unit):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(
        memberships__unit=unit, memberships__role=Role.UNIT_CASE_HANDLER, memberships__is_active=True
    )
