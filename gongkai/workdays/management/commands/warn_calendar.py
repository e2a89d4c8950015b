"""``manage.py warn_calendar``: e-mail the disclosure office while next year's holidays are not entered."""

from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from gongkai.organizations.models import Membership, Role
from gongkai.workdays.coverage import next_year_warning


class Command(BaseCommand):
    help = "From 1 November, warn the disclosure office by e-mail that next year's holidays are not entered."

    def handle(self, *args, **options):
        warning = next_year_warning()
        if warning is None:
            self.stdout.write("calendar covered")
            return
        recipients = sorted(
            set(
                Membership.objects.active()
                .filter(role=Role.OFFICE_ADMIN)
                .exclude(user__email="")
                .values_list("user__email", flat=True)
            )
        )
        with translation.override("zh-hans"):
            subject = _("The holiday arrangement for %(year)s is not entered") % {"year": warning.year}
            body = _(
                "Deadlines in %(year)s are counted Monday to Friday only and shown as provisional. "
                "%(n)s open applications have a due date in %(year)s or later. Paste the State Council's "
                "notice at %(url)s."
            ) % {
                "year": warning.year,
                "n": warning.open_cases_affected,
                "url": reverse("workdays_import_notice"),
            }
        if recipients:
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
        self.stdout.write(
            f"warned {len(recipients)}: {warning.year}, {warning.open_cases_affected} open cases"
        )
