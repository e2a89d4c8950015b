"""E-mails to applicants and staff."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils.translation import gettext as _

from . import clock


def acknowledgement_email(app, code: str) -> EmailMessage:
    state = clock.compute(app)
    lines = [
        _("Your application for government information has been submitted."),
        _("Tracking number: %(n)s") % {"n": app.tracking_number},
        _("Verification code: %(c)s") % {"c": code},
        _("Agency: %(u)s") % {"u": app.handling_unit.name},
    ]
    if state.due_date:
        lines.append(
            _("Received on %(r)s; reply due by %(d)s.") % {"r": app.received_on, "d": state.due_date}
        )
    else:
        lines.append(_("The agency will confirm the date of receipt with you (art. 31)."))
    return EmailMessage(
        subject=_("Application received: %(n)s") % {"n": app.tracking_number},
        body="\n".join(lines),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[app.email],
    )


# What the applicant is told with each letter (the letter itself is attached as PDF).
LETTER_SUBJECTS = {
    "acknowledgement": _("Your application is registered"),
    "correction": _("Please correct your application"),
    "extension": _("The reply period of your application is extended"),
    "fee": _("Fee notice for your application"),
    "reply": _("Reply to your application"),
    "third_party": _("A third party is being consulted on your application"),
    "other_agency": _("Another agency is being consulted on your application"),
    "deadline": _("A later reply deadline is set for your application"),
}


def letter_email(letter, to: list[str], *, for_party: bool = False) -> EmailMessage:
    """The letter as PDF, with a short covering text; ``for_party``: the consulted party's copy."""
    from . import letters

    app = letter.application
    if for_party:
        subject = _("Request for your opinion: %(t)s") % {"t": letter.title}
        intro = _(
            "Please find attached a request for your opinion on an application for government information."
        )
    else:
        subject = f"{LETTER_SUBJECTS.get(letter.kind, letter.title)}: {app.tracking_number}"
        intro = _("Please find attached the letter %(n)s on your application %(t)s.") % {
            "n": letter.number, "t": app.tracking_number,
        }  # fmt: skip
    body = "\n".join([str(intro), str(_("Agency: %(u)s") % {"u": app.handling_unit.name})])
    message = EmailMessage(subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=to)
    message.attach(f"{letter.number}.pdf", letters.pdf(letter), "application/pdf")
    return message
