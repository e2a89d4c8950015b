"""``manage.py annual_report check FILE.json …``: validate reports in the JSON exchange format.

Prints one JSON object per file ({"agency", "year", "valid", "errors", "warnings", "file"}) and exits
0 when every file is valid, 1 otherwise. ``annual_report remind`` sends the deadline reminders due
today; ``annual_report export`` writes a report held in the system as JSON/DOCX/PDF/XLSX.
"""

import json
import sys

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Annual reports (Art. 50): check JSON files, send deadline reminders, export reports."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        check = sub.add_parser("check", help="Validate report files in the JSON exchange format.")
        check.add_argument("files", nargs="+", metavar="FILE.json")
        check.add_argument("--indent", type=int, default=None, help="Pretty-print each result.")
        remind = sub.add_parser("remind", help="Send the reminders due today for the statutory deadlines.")
        remind.add_argument("--date", help="Pretend today is this date (YYYY-MM-DD).")
        export = sub.add_parser("export", help="Write a report held in the system to a file.")
        export.add_argument("report_id", type=int)
        export.add_argument("output", help="File name; the extension chooses json, docx, pdf or xlsx.")

    def handle(self, *args, **options):
        return getattr(self, f"handle_{options['action']}")(**options)

    def handle_check(self, files, indent=None, **options):
        from gongkai.reports.checking import check_files

        results = check_files(files)
        for result in results:
            self.stdout.write(json.dumps(result, ensure_ascii=False, indent=indent, default=str))
        if not all(r["valid"] for r in results):
            sys.exit(1)

    def handle_remind(self, date=None, **options):
        import datetime

        from gongkai.reports.deadlines import send_due_reminders

        try:
            today = datetime.date.fromisoformat(date) if date else None
        except ValueError as exc:
            raise CommandError(f"--date must be YYYY-MM-DD: {exc}") from exc
        sent = send_due_reminders(today)
        self.stdout.write(f"{len(sent)} reminder(s) sent.")

    def handle_export(self, report_id, output, **options):
        from gongkai.reports.exports import export_report
        from gongkai.reports.models import AnnualReport

        report = AnnualReport.objects.filter(pk=report_id).first()
        if report is None:
            raise CommandError(f"No annual report with id {report_id}.")
        kind = output.rsplit(".", 1)[-1].lower()
        try:
            content, _mime = export_report(report, kind)
        except KeyError as exc:
            raise CommandError("The output file must end in .json, .docx, .pdf or .xlsx.") from exc
        with open(output, "wb") as fh:
            fh.write(content)
        self.stdout.write(f"Wrote {output}.")
