"""Inbox queries: cases by unit and stage, due soon and overdue (art. 33)."""

import datetime as dt

from django.utils import timezone

from gongkai.workdays.calendar import WorkdayCalendar

from .models import Application

DUE_SOON_WORKING_DAYS = 5


def cases_for(user, *, unit=None, status="", due="", q=""):
    qs = Application.objects.for_user(user).select_related("handling_unit", "handler")
    if unit:
        qs = qs.filter(handling_unit_id=unit)
    if status:
        qs = qs.filter(status=status)
    if q:
        qs = qs.filter(tracking_number__icontains=q.strip())
    today = timezone.localdate()
    if due == "overdue":
        qs = qs.open().filter(due_on__lt=today)
    elif due == "soon":
        qs = qs.open().filter(due_on__gte=today, due_on__lte=due_soon_limit(today))
    return qs.order_by("due_on", "-created_at") if due else qs


def due_soon_limit(today: dt.date) -> dt.date:
    """The last day counted as "due soon": 5 working days from today."""
    return WorkdayCalendar().add_working_days(today, DUE_SOON_WORKING_DAYS).end
