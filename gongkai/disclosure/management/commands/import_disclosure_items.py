from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from gongkai.disclosure.importers import RowError, import_records, read_records


class Command(BaseCommand):
    help = "Import information items from an old portal's CSV or JSON export (keeps index numbers and dates)."

    def add_arguments(self, parser):
        parser.add_argument("path", help="CSV (UTF-8, header row) or JSON file")
        parser.add_argument("--format", choices=["csv", "json"], help="default: from the file extension")
        parser.add_argument(
            "--create-units",
            action="store_true",
            help="create issuing units the system does not know yet (code taken from their index numbers)",
        )

    def handle(self, *args, path, format=None, create_units=False, **options):
        file = Path(path)
        if not file.is_file():
            raise CommandError(f"No such file: {file}")
        fmt = format or file.suffix.lower().lstrip(".")
        try:
            records = read_records(file.read_bytes(), fmt)
        except RowError as exc:
            raise CommandError(str(exc)) from exc
        report = import_records(records, create_units=create_units)
        for row, message in report.errors:
            self.stderr.write(f"row {row}: {message}")
        self.stdout.write(
            f"created {report.created}, updated {report.updated}, rejected {len(report.errors)}"
        )
        if report.errors and not (report.created or report.updated):
            raise CommandError("Nothing was imported.")
        if report.created or report.updated:
            self.stdout.write(
                "The search index is updated by the task worker (manage.py db_worker); "
                "without a worker, run manage.py rebuild_portal_index."
            )
