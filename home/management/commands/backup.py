"""Back up the database and the uploaded media together into one archive (home/backups/)."""

import datetime
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

from home.backups.archive import write_archive
from home.backups.databases import engine_for
from home.backups.media import require_local_media


class Command(BaseCommand):
    help = (
        "Write the database (pg_dump's custom format, or a copy of the SQLite file) and "
        "MEDIA_ROOT into one tar archive; `manage.py restore FILE` brings it back."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            help="Where to write the archive (default: citymakers-backup-<UTC time>.tar here).",
        )
        parser.add_argument(
            "--no-media",
            action="store_true",
            help="Leave the media out (when they live in object storage, backed up on its own).",
        )

    def handle(self, *args, output, no_media, **options):
        connection = connections[DEFAULT_DB_ALIAS]
        engine = engine_for(connection)
        if not no_media:
            require_local_media()
        stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
        output = Path(output or f"citymakers-backup-{stamp}.tar")
        if output.is_dir():
            raise CommandError(f"{output} is a folder; give a file name with --output.")
        if not output.parent.is_dir():
            raise CommandError(f"There is no folder {output.parent} to write {output.name} in.")
        # The database first: every file it names then exists in the media copied after it.
        with tempfile.TemporaryDirectory(prefix="citymakers-backup-") as tmp:
            database_file = Path(tmp) / engine.member
            engine.dump(connection, database_file)
            try:
                manifest = write_archive(
                    output, engine, database_file, None if no_media else settings.MEDIA_ROOT
                )
            except OSError as error:
                raise CommandError(f"Could not write {output}: {error}") from None
        media = manifest["media"]
        media_note = "no media" if media is None else f"{media['files']} media files"
        self.stdout.write(f"Backed up the {engine.vendor} database and {media_note} to {output}")
