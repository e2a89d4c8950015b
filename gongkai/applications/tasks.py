"""Background work: acknowledgement e-mails and the daily deadline reminders (django-tasks)."""

from django_tasks import task

from django.utils import translation


@task()
def send_acknowledgement(application_id: int, code: str) -> None:
    """E-mail the applicant the tracking number and verification code (art. 45: registration)."""
    from .models import Application
    from .notifications import acknowledgement_email

    app = Application.objects.get(pk=application_id)
    with translation.override("zh-hans"):
        acknowledgement_email(app, code).send()


@task()
def send_deadline_reminders() -> int:
    """Daily: refresh cached due dates and e-mail each unit's handlers the cases due soon or overdue."""
    from .reminders import send_reminders

    return send_reminders()
