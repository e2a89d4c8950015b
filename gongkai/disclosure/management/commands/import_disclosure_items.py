from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from gongkai.disclosure.importers import RowError, import_records, read_records


class Command(BaseCommand):
    help = "Import information items from an old portal's CSV or JSON export (keeps index numbers and dates)."

    def add_arguments(self, parser):
        parser.add_argument("path", help="CSV (UTF-8, header row) or JSON file")
        parser.add_argument("--format", choices=["csv", "json"], help="default: from the file extension")

    def handle(self, *args, path, format=None, **options):
        file = Path(path)
        if not file.is_file():
            raise CommandError(f"No such file: {file}")
        fmt = format or file.suffix.lower().lstrip(".")
        try:
            records = read_records(file.read_bytes(), fmt)
        except RowError as exc:
            raise CommandError(str(exc)) from exc
        report = import_records(records)
        for row, message in report.errors:
            self.stderr.write(f"row {row}: {message}")
        self.stdout.write(
            f"created {report.created}, updated {report.updated}, rejected {len(report.errors)}"
        )
        if report.errors and not (report.created or report.updated):
            raise CommandError("Nothing was imported.")
