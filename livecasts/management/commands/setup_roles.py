import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from livecasts.translation.roles import setup_roles


class Command(BaseCommand):
    help = (
        "Create or update the Editors and Moderators groups, one Translators group per "
        "language and the reviewers of the Moderators approval workflow (idempotent). "
        "With --demo-users (development only) also create one demo translator "
        "per language and print their credentials."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--demo-users",
            action="store_true",
            help="Development only: create or reset translator-<language> accounts.",
        )

    def handle(self, *args, demo_users=False, **options):
        if demo_users and not settings.DEBUG:
            raise CommandError("--demo-users is for development only (DEBUG is off).")
        groups = setup_roles()
        for locale, group in groups.items() if options["verbosity"] else ():
            scope = "every language" if isinstance(locale, str) else locale.get_display_name()
            self.stdout.write(f"Group '{group.name}': {scope}")
        if demo_users:
            for locale, group in groups.items():
                if not isinstance(locale, str):
                    self.create_demo_translator(locale, group)

    def create_demo_translator(self, locale, group):
        username = f"translator-{locale.language_code}"
        password = secrets.token_urlsafe(12)
        user, created = get_user_model().objects.get_or_create(
            username=username, defaults={"email": f"{username}@localhost"}
        )
        user.is_staff = user.is_superuser = False
        user.is_active = True
        user.set_password(password)
        user.save()
        user.groups.set([group])
        verb = "Created" if created else "Reset"
        self.stdout.write(
            f"{verb} demo translator ({locale.get_display_name()}): "
            f"username {username}  password {password}"
        )
