"""``python manage.py workdays add DATE N`` and ``workdays between DATE DATE``, printing JSON."""

import datetime as dt
import json

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from gongkai.workdays.calendar import CalendarNotCovered, WorkdayCalendar


def parse_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(_("Not a date in the form YYYY-MM-DD: %(value)s") % {"value": value}) from exc


class Command(BaseCommand):
    help = "Working-day arithmetic on the official calendar (adds working days, counts them)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="operation", required=True)
        add = sub.add_parser("add", help="Add N working days to a date (counting from the next day).")
        add.add_argument("start")
        add.add_argument("working_days", type=int)
        between = sub.add_parser(
            "between", help="Count the working days after START up to and including END."
        )
        between.add_argument("start")
        between.add_argument("end")

    def handle(self, *args, **options):
        calendar = WorkdayCalendar()
        try:
            if options["operation"] == "add":
                if options["working_days"] < 0:
                    raise CommandError(_("The number of working days cannot be negative."))
                result = calendar.add_working_days(
                    parse_date(options["start"]), options["working_days"]
                ).as_dict()
            else:
                explanation = calendar.working_days_between(
                    parse_date(options["start"]), parse_date(options["end"])
                )
                result = {"working_days": explanation.working_days}
        except CalendarNotCovered as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(json.dumps(result, ensure_ascii=False))
