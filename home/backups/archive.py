"""The backup archive: a tar with manifest.json, one database file and media/<path> files.

manifest.json says what the archive holds, so that a restore can refuse an archive made for
another database engine before touching anything:
    {"format": "citymakers-backup", "version": 1, "created": "<UTC ISO time>",
     "engine": "postgresql" | "sqlite", "database": "<member name>",
     "media": {"files": <count>, "bytes": <total>} or null when made with --no-media}"""

import datetime
import io
import json
import tarfile
from pathlib import Path, PurePosixPath

from django.core.management.base import CommandError

FORMAT = "citymakers-backup"
VERSION = 1
MANIFEST = "manifest.json"
MEDIA = "media"


def media_files(media_root):
    """Every regular file under media_root (symlinks are left out), in a stable order."""
    root = Path(media_root)
    if not root.is_dir():
        return []
    return sorted(path for path in root.rglob("*") if path.is_file() and not path.is_symlink())


def write_archive(output, engine, database_file, media_root=None):
    """Write the archive to `output`, all or nothing; return its manifest."""
    files = media_files(media_root) if media_root is not None else None
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "created": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "engine": engine.vendor,
        "database": engine.member,
        "media": None
        if files is None
        else {"files": len(files), "bytes": sum(path.stat().st_size for path in files)},
    }
    output = Path(output)
    partial = output.with_name(output.name + ".partial")
    try:
        with tarfile.open(partial, "w") as tar:
            data = json.dumps(manifest, indent=2).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mtime = len(data), int(datetime.datetime.now().timestamp())
            tar.addfile(info, io.BytesIO(data))
            tar.add(database_file, arcname=engine.member)
            for path in files or []:
                name = f"{MEDIA}/{path.relative_to(media_root).as_posix()}"
                tar.add(path, arcname=name, recursive=False)
        partial.replace(output)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return manifest


class Archive:
    """An archive opened for restoring; malformed ones raise CommandError on opening."""

    def __init__(self, path):
        self.path = Path(path)
        try:
            self.tar = tarfile.open(self.path, "r:*")
        except FileNotFoundError:
            raise CommandError(f"No such file: {self.path}") from None
        except (tarfile.TarError, EOFError, OSError) as error:
            raise CommandError(f"{self.path} is not a backup archive ({error}).") from None
        try:
            self.members = self.tar.getmembers()
            self.manifest = self._read_manifest()
            self._check_members()
        except (tarfile.TarError, EOFError, OSError) as error:
            self.tar.close()
            raise CommandError(f"{self.path} is a damaged archive ({error}).") from None
        except CommandError:
            self.tar.close()
            raise

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.tar.close()

    def _refuse(self, reason):
        raise CommandError(f"{self.path} is not a City Makers backup: {reason}.")

    def _read_manifest(self):
        member = next((m for m in self.members if m.name == MANIFEST and m.isfile()), None)
        if member is None:
            self._refuse(f"it has no {MANIFEST}")
        try:
            manifest = json.loads(self.tar.extractfile(member).read())
        except ValueError:
            self._refuse(f"its {MANIFEST} is not JSON")
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            self._refuse(f"its {MANIFEST} is not one of ours")
        if manifest.get("version") != VERSION:
            self._refuse(f"it has format version {manifest.get('version')!r}, not {VERSION}")
        if not isinstance(manifest.get("engine"), str) or not isinstance(
            manifest.get("database"), str
        ):
            self._refuse("its manifest names no database")
        return manifest

    def _check_members(self):
        database = self.manifest["database"]
        if not any(m.name == database and m.isfile() for m in self.members):
            self._refuse(f"the database file {database} is missing")
        for member in self.members:
            parts = PurePosixPath(member.name).parts
            if member.name in (MANIFEST, database):
                continue
            if (
                not parts
                or parts[0] != MEDIA
                or ".." in parts
                or member.name.startswith("/")
                or not (member.isfile() or member.isdir())
            ):
                self._refuse(f"it holds {member.name!r}, which is no part of a backup")

    @property
    def has_media(self):
        return self.manifest.get("media") is not None

    def extract_database(self, directory):
        """Extract the database file into `directory`; return its path."""
        member = self.tar.getmember(self.manifest["database"])
        self.tar.extract(member, directory, filter="data")
        return Path(directory) / member.name

    def extract_media(self, media_root):
        """Extract media/<path> to media_root/<path>; return how many files were written."""
        prefix = f"{MEDIA}/"

        def under_media_root(member, destination):
            member = member.replace(name=member.name.removeprefix(prefix), deep=False)
            return tarfile.data_filter(member, destination)

        files = [m for m in self.members if m.name.startswith(prefix) and m.isfile()]
        Path(media_root).mkdir(parents=True, exist_ok=True)
        self.tar.extractall(media_root, members=files, filter=under_media_root)
        return len(files)
