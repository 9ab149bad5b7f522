"""Compile the interface catalogues (locale/*/LC_MESSAGES/*.po) into .mo files with polib.

Django's own compilemessages needs GNU gettext's msgfmt; polib is pure Python, so any
machine with the project installed can compile, and CI can check that the committed
.mo files match their .po files without installing gettext.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

try:
    import polib
except ImportError:  # pragma: no cover - polib is a declared dependency
    polib = None


def catalogue_paths():
    """Every .po file under the project's LOCALE_PATHS, in a stable order."""
    paths = []
    for root in settings.LOCALE_PATHS:
        paths.extend(Path(root).glob("*/LC_MESSAGES/*.po"))
    return sorted(paths)


def compiled(po_path):
    """The .mo bytes polib makes from a .po file (translated, non-fuzzy entries only)."""
    return polib.pofile(str(po_path)).to_binary()


class Command(BaseCommand):
    help = "Compile every locale/*/LC_MESSAGES/*.po into its .mo file with polib (no msgfmt)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--check",
            action="store_true",
            help="Write nothing; fail if a .mo file is missing or differs from its .po file.",
        )

    def handle(self, *args, check=False, **options):
        if polib is None:
            raise CommandError(
                "compile_catalogues needs polib: install the project's dependencies "
                "(pip install polib) and run it again."
            )
        paths = catalogue_paths()
        if not paths:
            raise CommandError(f"No .po files found under {settings.LOCALE_PATHS}.")
        stale = []
        for po_path in paths:
            mo_path = po_path.with_suffix(".mo")
            data = compiled(po_path)
            if mo_path.exists() and mo_path.read_bytes() == data:
                continue
            stale.append(mo_path)
            if not check:
                mo_path.write_bytes(data)
                self.stdout.write(f"Compiled {mo_path}")
        if check and stale:
            names = ", ".join(str(path) for path in stale)
            raise CommandError(f"Out of date: {names}. Run `manage.py compile_catalogues`.")
        if not stale:
            self.stdout.write(f"All {len(paths)} catalogues are up to date.")
