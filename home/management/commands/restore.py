"""Restore an archive written by `manage.py backup` into an empty database and media folder."""

import tarfile
import tempfile

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections

from home.backups.archive import Archive
from home.backups.databases import engine_for
from home.backups.media import media_root_is_empty, require_local_media


class Command(BaseCommand):
    help = (
        "Restore a backup archive into an EMPTY database (no tables: create a new one, do not "
        "migrate it) and an empty MEDIA_ROOT. Nothing existing is overwritten."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="The file written by `manage.py backup`.")
        parser.add_argument(
            "--no-media",
            action="store_true",
            help="Restore the database only, leaving MEDIA_ROOT alone.",
        )

    def handle(self, *args, archive, no_media, **options):
        connection = connections[DEFAULT_DB_ALIAS]
        engine = engine_for(connection)
        with Archive(archive) as backup:
            made_on = backup.manifest["engine"]
            if made_on != engine.vendor:
                raise CommandError(
                    f"This archive holds a {made_on} database; this site uses {engine.vendor}. "
                    "Restore it with DATABASE_URL pointing at an empty database of that kind."
                )
            restore_media = backup.has_media and not no_media
            if restore_media:
                require_local_media()
                if not media_root_is_empty():
                    raise CommandError(
                        f"The media folder {settings.MEDIA_ROOT} is not empty; restore needs "
                        "an empty one (or --no-media)."
                    )
            try:
                tables = connection.introspection.table_names()
            except DatabaseError as error:
                raise CommandError(f"Cannot reach the database: {error}") from None
            if tables:
                raise CommandError(
                    f"The database {connection.settings_dict['NAME']} is not empty "
                    f"({len(tables)} tables); restore needs a new, empty database that has not "
                    "been migrated."
                )
            with tempfile.TemporaryDirectory(prefix="citymakers-restore-") as tmp:
                try:
                    database_file = backup.extract_database(tmp)
                except (OSError, tarfile.TarError) as error:
                    raise CommandError(f"{archive} is a damaged archive ({error}).") from None
                engine.load(connection, database_file)
            try:
                files = backup.extract_media(settings.MEDIA_ROOT) if restore_media else 0
            except (OSError, tarfile.TarError) as error:
                raise CommandError(
                    f"The database is restored, but the media could not be written to "
                    f"{settings.MEDIA_ROOT}: {error}. Empty that folder and run restore with "
                    "a new, empty database again."
                ) from None
        self.stdout.write(
            f"Restored the {engine.vendor} database and {files} media files from {archive}"
        )
