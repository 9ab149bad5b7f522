import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Development only: create or reset the local admin account and print its credentials."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--url", default="http://127.0.0.1:8000", help="Where the site runs.")

    def handle(self, *args, username, url, **options):
        if not settings.DEBUG:
            raise CommandError("ensure_local_admin is for development only (DEBUG is off).")
        password = secrets.token_urlsafe(12)
        user, created = get_user_model().objects.get_or_create(
            username=username, defaults={"email": f"{username}@localhost"}
        )
        user.is_staff = user.is_superuser = user.is_active = True
        user.set_password(password)
        user.save()
        verb = "Created" if created else "Reset"
        self.stdout.write(
            f"{verb} the local admin: {url.rstrip('/')}/admin/  "
            f"username {username}  password {password}"
        )
