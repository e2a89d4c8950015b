"""Background work: acknowledgement e-mails and the daily deadline reminders (django-tasks)."""

import datetime as dt
import logging

from django_tasks import task

from django.utils import timezone, translation

log = logging.getLogger(__name__)
EMAIL_RETRIES = 4  # attempts in all; waits of 1, 4 and 16 minutes between them


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


@task()
def send_letter(letter_id: int, attempt: int = 1) -> bool:
    """E-mail a letter to the applicant (and a consultation letter to the consulted party), with
    retries; every send and every final failure is recorded on the case."""
    from gongkai.core.audit import record_event

    from .models import Letter
    from .notifications import letter_email

    letter = Letter.objects.select_related("application__handling_unit").get(pk=letter_id)
    app = letter.application
    segment_party = _party_address(letter)
    recipients = [([app.email], False)] if app.email else []
    if segment_party:
        recipients.append(([segment_party], True))
    if not recipients:
        return False
    Letter.objects.filter(pk=letter.pk).update(email_attempts=attempt)
    try:
        with translation.override("zh-hans"):
            for to, for_party in recipients:
                letter_email(letter, to, for_party=for_party).send()
    except Exception as exc:  # noqa: BLE001 - any mail failure is retried, then recorded
        if attempt < EMAIL_RETRIES:
            wait = dt.timedelta(minutes=4 ** (attempt - 1))
            send_letter.using(run_after=timezone.now() + wait).enqueue(letter_id, attempt + 1)
        else:
            record_event(
                app, "letter_email_failed", changes={"letter": ["", letter.number]}, message=str(exc)
            )
            log.warning("letter %s not e-mailed after %s attempts: %s", letter.number, attempt, exc)
        return False
    Letter.objects.filter(pk=letter.pk).update(emailed_at=timezone.now())
    whom = "applicant" + (" + consulted party" if segment_party else "") if app.email else "consulted party"
    record_event(app, "letter_emailed", changes={"letter": ["", letter.number]}, message=whom)
    return True


def _party_address(letter) -> str:
    """The consulted party's e-mail, when the consultation letter recorded one."""
    if letter.kind not in ("third_party", "other_agency"):
        return ""
    segment = letter.application.clock_segments.filter(kind=letter.kind).order_by("-pk").first()
    contact = (segment.party_contact if segment else "").strip()
    return contact if "@" in contact else ""
