import datetime as dt

from django.core import mail
from django.core.management import call_command

from gongkai.applications.factories import ApplicationFactory
from gongkai.applications.reminders import send_reminders

from .helpers import at


def test_reminders_go_to_the_units_handlers_and_the_office(unit, other_unit, handler, other_handler, office):
    """Art. 33: reply within 20 working days — handlers are told before and after the due date."""
    handler.email, office.email = "h@example.org", "o@example.org"
    handler.save(), office.save()
    overdue = ApplicationFactory(handling_unit=unit, received_on=dt.date(2025, 9, 22))
    ApplicationFactory(handling_unit=unit, received_on=dt.date(2025, 11, 20))  # not due yet
    assert send_reminders(today=dt.date(2025, 10, 27)) == 2
    unit_mail = next(m for m in mail.outbox if m.to == ["h@example.org"])
    assert overdue.tracking_number in unit_mail.body and "已逾期" in unit_mail.body
    assert len(unit_mail.body.splitlines()) == 1
    overdue.refresh_from_db()
    assert overdue.due_on == dt.date(2025, 10, 24)


def test_command_runs(db):
    with at(dt.date(2025, 10, 27)):
        call_command("send_deadline_reminders")


def test_past_the_calendar_nothing_fails_and_provisional_dates_are_reminded(client, unit, handler, office):
    """Issue 12 (1b): on dates past the entered calendar the reminders job, the inbox's due-soon and overdue
    filters and the case page all work, on the provisional (weekday-only) date, marked as such."""
    handler.email = "h@example.org"
    handler.save()
    app = ApplicationFactory(
        handling_unit=unit, received_on=dt.date(2026, 12, 21), submitted_on=dt.date(2026, 12, 21)
    )
    with at(dt.date(2027, 1, 14)):
        assert send_reminders() >= 1
        body = next(m for m in mail.outbox if m.to == ["h@example.org"]).body
        assert app.tracking_number in body and "暂定" in body
        app.refresh_from_db()
        assert app.due_on == dt.date(2027, 1, 18)
        client.force_login(handler)
        for due in ("soon", "overdue", ""):
            response = client.get(f"/admin/applications/?due={due}")
            assert response.status_code == 200
        assert app.tracking_number in client.get("/admin/applications/?due=soon").content.decode()
        page = client.get(f"/admin/applications/{app.tracking_number}/").content.decode()
        assert 'id="calendar-provisional"' in page and "2027" in page
        call_command("send_deadline_reminders")
        call_command("warn_calendar")
