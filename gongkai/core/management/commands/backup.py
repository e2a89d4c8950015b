"""``manage.py backup DIR``: database, public media and private files, with a manifest of checksums."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from gongkai.core import backup


class Command(BaseCommand):
    help = "Back up the database and every uploaded file into DIR (a new directory), with checksums."

    def add_arguments(self, parser):
        parser.add_argument("directory")

    def handle(self, *args, directory, **options):
        try:
            manifest = backup.backup(Path(directory))
        except FileExistsError as exc:
            raise CommandError(f"{directory} exists: give a new directory for each backup.") from exc
        self.stdout.write(
            f"backup written to {directory}: {manifest['engine']} database, {len(manifest['files'])} files"
        )
