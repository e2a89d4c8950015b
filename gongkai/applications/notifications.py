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
