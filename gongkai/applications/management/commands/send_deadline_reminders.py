"""``manage.py send_deadline_reminders``: run daily (cron or a scheduler) to e-mail due-soon and overdue cases."""

from django.core.management.base import BaseCommand

from gongkai.applications.reminders import send_reminders


class Command(BaseCommand):
    help = "E-mail each unit's handlers and the disclosure office the applications due soon or overdue (art. 33)."

    def handle(self, *args, **options):
        sent = send_reminders()
        self.stdout.write(f"{sent} e-mails sent")
