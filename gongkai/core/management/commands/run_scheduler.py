import time

from django.core.management.base import BaseCommand

from gongkai.core.scheduling import run_due_jobs


class Command(BaseCommand):
    help = "Run due periodic jobs (each app's schedule.py); loops unless --once."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true")
        parser.add_argument("--interval", type=int, default=60, help="Seconds between checks.")

    def handle(self, *args, **options):
        while True:
            for name, ok in run_due_jobs():
                self.stdout.write(f"{name}: {'ok' if ok else 'FAILED'}")
            if options["once"]:
                return
            time.sleep(options["interval"])
