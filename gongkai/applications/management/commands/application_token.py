"""``manage.py application_token USERNAME [--name NAME]``: create a staff API token (printed once)."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from gongkai.applications import tokens


class Command(BaseCommand):
    help = "Create a staff API token for the applications API."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="office system")

    def handle(self, *args, username, name, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user {username!r}.")
        _token, raw = tokens.create(user, name)
        self.stdout.write(raw)
