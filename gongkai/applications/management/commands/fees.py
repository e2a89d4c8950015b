"""``manage.py fees quote --per-page N`` / ``--per-application N``: fee quotes as JSON (国办函〔2020〕109号)."""

import json

from django.core.management.base import BaseCommand, CommandError

from gongkai.applications import fees


class Command(BaseCommand):
    help = "Information processing fee quotes (国办函〔2020〕109号) as JSON."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        quote = sub.add_parser("quote", help="Quote a fee.")
        group = quote.add_mutually_exclusive_group(required=True)
        group.add_argument("--per-page", type=int, metavar="PAGES", help="pages for one application (art. 5)")
        group.add_argument(
            "--per-application",
            type=int,
            metavar="COUNT",
            help="applications by one applicant in a month (art. 4)",
        )

    def handle(self, *args, **options):
        per_page, per_app = options.get("per_page"), options.get("per_application")
        value = per_page if per_page is not None else per_app
        if value is None or value < 0:
            raise CommandError("Give a non-negative number.")
        quote = fees.per_page(value) if per_page is not None else fees.per_application(value)
        self.stdout.write(json.dumps(quote.as_dict(), ensure_ascii=False))
