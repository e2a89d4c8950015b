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
        notice = sub.add_parser(
            "import-notice", help="Read the State Council's holiday notice from FILE; --confirm writes it."
        )
        notice.add_argument("file")
        notice.add_argument("--year", type=int)
        notice.add_argument("--confirm", action="store_true")

    def handle(self, *args, **options):
        if options["operation"] == "import-notice":
            return self.import_notice(options)
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

    def import_notice(self, options):
        from gongkai.workdays.notice import apply_notice, parse_notice

        try:
            with open(options["file"], encoding="utf-8") as handle:
                text = handle.read()
        except OSError as exc:
            raise CommandError(str(exc)) from exc
        parsed = parse_notice(text, options.get("year"))
        if not parsed.ok:
            raise CommandError("\n".join(str(p) for p in parsed.problems))
        summary = {
            "year": parsed.year,
            "holidays": [d.date.isoformat() for d in parsed.holidays()],
            "make_up_workdays": [d.date.isoformat() for d in parsed.make_up_workdays()],
            "written": False,
        }
        if options["confirm"]:
            apply_notice(parsed, None, text.strip().splitlines()[0])
            summary["written"] = True
        self.stdout.write(json.dumps(summary, ensure_ascii=False))
