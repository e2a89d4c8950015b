"""Load the demo district: ``python manage.py load_demo``. Idempotent.

Each Gongkai app may provide ``demo.py`` with ``load(command)``; they run in INSTALLED_APPS order,
so units and staff exist before the records that refer to them.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from gongkai.core.audit import disable_auditlog
from gongkai.core.discovery import app_modules


class Command(BaseCommand):
    help = "Create or update the fictional demo district (units, staff, sample records)."

    def add_arguments(self, parser):
        parser.add_argument("--quiet", action="store_true", help="Print only the staff logins.")
        parser.add_argument(
            "--only",
            default="",
            help="Comma-separated app labels (e.g. organizations,disclosure); default: all.",
        )

    def handle(self, *args, **options):
        self.quiet = options["quiet"]
        only = {label.strip() for label in options["only"].split(",") if label.strip()}
        # Demo records are seed data, not users' changes: keep them out of the audit log.
        with disable_auditlog():
            for label, module in app_modules("demo"):
                if only and label not in only:
                    continue
                with transaction.atomic():
                    module.load(self)
                if not self.quiet:
                    self.stdout.write(f"demo: {label} loaded")
        from gongkai.organizations.demo import print_logins

        print_logins(self)
