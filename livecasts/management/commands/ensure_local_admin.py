from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from livecasts.management.local_accounts import ensure_account, login_line


class Command(BaseCommand):
    help = (
        "Development only: create the local admin account and print its credentials. An "
        "existing account keeps its password unless --reset-password is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--url", default="http://127.0.0.1:8000", help="Where the site runs.")
        parser.add_argument(
            "--reset-password",
            action="store_true",
            help="Give an existing admin account a new random password.",
        )

    def handle(self, *args, username, url, reset_password=False, **options):
        if not settings.DEBUG:
            raise CommandError("ensure_local_admin is for development only (DEBUG is off).")
        _user, created, password = ensure_account(
            username, reset=reset_password, is_staff=True, is_superuser=True, is_active=True
        )
        hint = "manage.py ensure_local_admin --reset-password"
        label = f"the local admin ({url.rstrip('/')}/admin/)"
        self.stdout.write(login_line(label, username, created, password, hint))
