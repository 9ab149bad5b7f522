from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from livecasts.management.local_accounts import ensure_account, login_line
from translation_workflow.roles import setup_roles


class Command(BaseCommand):
    help = (
        "Create or update the Editors and Moderators groups, one Translators group per "
        "language and the reviewers of the Moderators approval workflow (idempotent). "
        "With --demo-users (development only) also create one demo translator per language "
        "and print their credentials (existing ones keep their passwords unless "
        "--reset-passwords is given)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--demo-users",
            action="store_true",
            help="Development only: create translator-<language> accounts.",
        )
        parser.add_argument(
            "--reset-passwords",
            action="store_true",
            help="With --demo-users: give existing demo translators new random passwords.",
        )

    def handle(self, *args, demo_users=False, reset_passwords=False, **options):
        if demo_users and not settings.DEBUG:
            raise CommandError("--demo-users is for development only (DEBUG is off).")
        groups = setup_roles()
        for locale, group in groups.items() if options["verbosity"] else ():
            scope = "every language" if isinstance(locale, str) else locale.get_display_name()
            self.stdout.write(f"Group '{group.name}': {scope}")
        if demo_users:
            for locale, group in groups.items():
                if not isinstance(locale, str):
                    self.demo_translator(locale, group, reset_passwords)

    def demo_translator(self, locale, group, reset):
        username = f"translator-{locale.language_code}"
        user, created, password = ensure_account(
            username, reset=reset, is_staff=False, is_superuser=False, is_active=True
        )
        user.groups.set([group])
        hint = "manage.py setup_roles --demo-users --reset-passwords"
        label = f"demo translator ({locale.get_display_name()})"
        self.stdout.write(login_line(label, username, created, password, hint))
