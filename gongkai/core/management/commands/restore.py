"""``manage.py restore DIR``: into an empty database and empty media directories, then rebuild the index."""

from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from gongkai.core import backup


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup` into an empty database, then rebuild the search index."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory")
        parser.add_argument(
            "--skip-index", action="store_true", help="Do not rebuild the portal search index."
        )

    def handle(self, *args, directory, skip_index=False, **options):
        if connection.introspection.table_names():
            raise CommandError("The database is not empty: restore into a new, empty database.")
        connection.close()
        try:
            manifest = backup.restore(Path(directory))
        except backup.BackupDamaged as exc:
            raise CommandError(f"The backup is damaged: {exc} does not match its checksum.") from exc
        if not skip_index:
            call_command("rebuild_portal_index")
        self.stdout.write(f"restored {manifest['engine']} database and {len(manifest['files'])} files")
