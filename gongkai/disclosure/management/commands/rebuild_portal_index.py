from django.core.management.base import BaseCommand

from gongkai.disclosure.indexing import rebuild


class Command(BaseCommand):
    help = "Rebuild the portal's search index from the published items (run in one process: one writer)."

    def handle(self, *args, **options):
        total = rebuild()
        self.stdout.write(f"indexed {total} documents")
