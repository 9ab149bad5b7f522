"""`manage.py backup` and `manage.py restore`: the demo survives a round trip, database and media
together, and a restore refuses (a CommandError, never a traceback) whatever it must not touch.

The round trip runs the commands in their own processes with production settings, on the
engine this test run uses: pg_dump/pg_restore between two databases it creates on the
PostgreSQL server of DATABASE_URL (and drops), or SQLite files, so CI's two passes run each
once. The demo is built once for the module."""

import io
import json
import os
import secrets
import tarfile
from pathlib import Path

import psycopg
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from tests.deploy.cluster import database_url
from tests.subprocess_django import run_django, run_manage

ON_POSTGRESQL = os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))
PAGES = ["/en/infected-cities/", "/el/infected-cities/athens/", "/en/organisations/"]

SNAPSHOT = (
    f"PAGES = {PAGES!r}\n"
    + """
import hashlib, json, re
from pathlib import Path
from django.conf import settings
from django.test import Client
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail_localize.models import Translation

client = Client()
pages = {}
for url in PAGES:
    response = client.get(url)
    html = response.content.decode()
    served = {}
    for image in sorted(set(re.findall(r"/media/[^\\"\\s,]+", html))):
        answer = client.get(image)
        body = b"".join(answer.streaming_content) if answer.streaming else answer.content
        served[image] = [answer.status_code, answer["Content-Type"],
                         hashlib.sha256(body).hexdigest()]
    pages[url] = {"status": response.status_code, "images": served,
                  "html": re.sub(r'nonce="[^"]*"', "", html)}
media = Path(settings.MEDIA_ROOT)
Image = get_image_model()
counts = {
    "pages": Page.objects.count(),
    "live pages": Page.objects.live().count(),
    "pages not in English": Page.objects.exclude(locale__language_code="en").count(),
    "translations": Translation.objects.count(),
    "images": Image.objects.count(),
    "renditions": Image.get_rendition_model().objects.count(),
    "rendition files": sum(1 for p in (media / "images").rglob("*") if p.is_file()),
    "original files": sum(1 for p in (media / "original_images").rglob("*") if p.is_file()),
}
snapshot = {"counts": counts, "pages": pages}
"""
)
BUILD = """
import io
from django.core.management import call_command
call_command("migrate", interactive=False, verbosity=0)
call_command("load_demo_content", verbosity=0)
call_command("collectstatic", interactive=False, verbosity=0)
"""
BACK_UP = """
backup_output = io.StringIO()
call_command("backup", output=ARCHIVE, stdout=backup_output)
print(json.dumps({"snapshot": snapshot, "output": backup_output.getvalue()}))
"""


class Site:
    """One database and one media folder, in processes of their own with production settings."""

    def __init__(self, tmp, name, database):
        self.media = tmp / f"{name}-media"
        self.env = {
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "testserver",
            "SECURE_SSL_REDIRECT": "false",
            "SERVE_MEDIA": "true",
            "STATIC_ROOT": str(tmp / "static"),
            "MEDIA_ROOT": str(self.media),
            "DATABASE_URL": database,
        }

    def run(self, code):
        result = run_django(code, timeout=600, **self.env)
        assert result.returncode == 0, result.stdout + result.stderr
        return json.loads(result.stdout.strip().splitlines()[-1])

    def build_demo_and_back_up(self, archive):
        """One process (each start costs seconds): the demo, its pages rendered, a backup."""
        return self.run(f"ARCHIVE = {str(archive)!r}\n" + BUILD + SNAPSHOT + BACK_UP)


@pytest.fixture(scope="module")
def databases(tmp_path_factory):
    """Two database URLs, the source and an empty target, on this run's engine."""
    tmp = tmp_path_factory.mktemp("backups")
    if not ON_POSTGRESQL:
        yield tmp, f"sqlite:///{tmp / 'source.sqlite3'}", f"sqlite:///{tmp / 'target.sqlite3'}"
        return
    base = os.environ["DATABASE_URL"]
    names = [f"citymakers_backup_{role}_{secrets.token_hex(4)}" for role in ("src", "dst")]
    with psycopg.connect(database_url(base, "postgres"), autocommit=True) as admin:
        for name in names:
            admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield tmp, *(database_url(base, name) for name in names)
    finally:
        with psycopg.connect(database_url(base, "postgres"), autocommit=True) as admin:
            for name in names:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def round_trip(databases):
    tmp, source_url, target_url = databases
    source, target = Site(tmp, "source", source_url), Site(tmp, "target", target_url)
    archive = tmp / "demo-backup.tar"
    built = source.build_demo_and_back_up(archive)  # rendering the pages makes renditions
    restored = run_manage("restore", str(archive), **target.env)
    assert restored.returncode == 0, restored.stdout + restored.stderr
    after = target.run(SNAPSHOT + "print(json.dumps(snapshot))")
    return {
        "archive": archive,
        "before": built["snapshot"],
        "after": after,
        "output": built["output"] + restored.stdout,
    }


def test_the_archive_holds_the_database_and_the_media_with_a_manifest(round_trip):
    with tarfile.open(round_trip["archive"]) as tar:
        names = tar.getnames()
        manifest = json.load(tar.extractfile("manifest.json"))

    engine = "postgresql" if ON_POSTGRESQL else "sqlite"
    assert manifest["engine"] == engine and manifest["database"] in names
    media = [name for name in names if name.startswith("media/")]
    assert manifest["media"]["files"] == len(media)
    assert any(name.startswith("media/images/") for name in media)
    assert any(name.startswith("media/original_images/") for name in media)
    assert f"Backed up the {engine} database and {len(media)} media files" in round_trip["output"]


def test_restore_brings_back_every_page_translation_image_and_rendition(round_trip):
    before, after = round_trip["before"]["counts"], round_trip["after"]["counts"]

    assert before["pages not in English"] > 0 and before["translations"] > 0
    assert before["rendition files"] > 0 and before["images"] > 0
    # Counted after rendering the same pages again: nothing needed to be made anew.
    assert after == before


def test_a_restored_page_renders_the_same_with_its_images_served(round_trip):
    for url in PAGES:
        before, after = round_trip["before"]["pages"][url], round_trip["after"]["pages"][url]
        assert after["status"] == 200, url
        assert after["html"] == before["html"], url
        assert after["images"], f"{url} shows no image"
        assert after["images"] == before["images"], url
        for image, (status, content_type, _digest) in after["images"].items():
            assert status == 200, image
            assert content_type.startswith("image/"), image


# Refusals, in this process: each one is checked before anything is written.


def archive_with(path, manifest=None, members=()):
    with tarfile.open(path, "w") as tar:
        entries = [] if manifest is None else [("manifest.json", json.dumps(manifest).encode())]
        for name, data in [*entries, *members]:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


def manifest_for(engine):
    member = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}[engine]
    return {"format": "citymakers-backup", "version": 1, "engine": engine, "database": member}


def this_engine_archive(path, *extra):
    manifest = manifest_for(connection.vendor)
    return archive_with(path, manifest, [(manifest["database"], b"x"), *extra])


def refusal(*args):
    with pytest.raises(CommandError) as raised:
        call_command("restore", *args, stdout=io.StringIO())
    return str(raised.value)


def test_a_file_that_is_no_archive_is_refused(db, tmp_path):
    junk = tmp_path / "junk.tar"
    junk.write_bytes(os.urandom(2048))

    assert "is not a backup archive" in refusal(str(junk))
    assert "No such file" in refusal(str(tmp_path / "missing.tar"))


@pytest.mark.parametrize(
    "manifest, reason",
    [
        (None, "it has no manifest.json"),
        ({"format": "something-else"}, "is not one of ours"),
        ({**manifest_for("sqlite"), "version": 99}, "format version 99"),
    ],
)
def test_an_archive_without_a_valid_manifest_is_refused(db, tmp_path, manifest, reason):
    archive = archive_with(tmp_path / "a.tar", manifest, [("database.sqlite3", b"x")])

    assert reason in refusal(str(archive))


def test_an_archive_for_the_other_engine_is_refused(db, tmp_path):
    other = "sqlite" if connection.vendor == "postgresql" else "postgresql"
    manifest = manifest_for(other)
    archive = archive_with(tmp_path / "a.tar", manifest, [(manifest["database"], b"x")])

    message = refusal(str(archive))

    assert f"holds a {other} database; this site uses {connection.vendor}" in message


@pytest.mark.parametrize("name", ["media/../../escape.png", "/etc/cron.d/x", "notes.txt"])
def test_an_archive_with_a_stray_or_escaping_member_is_refused(db, tmp_path, settings, name):
    settings.MEDIA_ROOT = tmp_path / "media"
    archive = this_engine_archive(tmp_path / "a.tar", (name, b"x"))

    assert "which is no part of a backup" in refusal(str(archive))
    assert not (tmp_path / "escape.png").exists()


def test_a_media_folder_that_is_not_empty_is_refused(db, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "kept.png").write_bytes(b"kept")
    archive = this_engine_archive(tmp_path / "a.tar", ("media/images/a.png", b"new"))

    assert "is not empty" in refusal(str(archive))
    assert (tmp_path / "media" / "kept.png").read_bytes() == b"kept"
    assert not (tmp_path / "media" / "images").exists()


def test_a_database_that_is_not_empty_is_refused(db, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    archive = this_engine_archive(tmp_path / "a.tar", ("media/images/a.png", b"new"))

    message = refusal(str(archive))

    assert "is not empty" in message and "tables" in message
    assert not (tmp_path / "media").exists()


def test_the_command_line_shows_a_refusal_without_a_traceback(tmp_path):
    junk = tmp_path / "junk.tar"
    junk.write_text("not an archive")

    result = run_manage(
        "restore",
        str(junk),
        SECRET_KEY="x" * 50,
        DATABASE_URL=f"sqlite:///{tmp_path / 'empty.sqlite3'}",
        MEDIA_ROOT=str(tmp_path / "media"),
    )

    assert result.returncode == 1
    assert "is not a backup archive" in result.stderr
    assert "Traceback" not in result.stderr


def test_backup_writes_this_database_and_media_root(db, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "media" / "original_images").mkdir(parents=True)
    (tmp_path / "media" / "original_images" / "a.png").write_bytes(b"png")
    output = tmp_path / "out.tar"

    call_command("backup", "--output", str(output), stdout=io.StringIO())

    with tarfile.open(output) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
        assert tar.extractfile("media/original_images/a.png").read() == b"png"
        assert tar.getmember(manifest["database"]).size > 0
    assert manifest["engine"] == connection.vendor
    assert manifest["media"] == {"files": 1, "bytes": 3}
    assert not Path(f"{output}.partial").exists()


def test_backup_refuses_an_output_it_cannot_write(db, tmp_path):
    for output, reason in [
        (tmp_path / "missing" / "out.tar", "There is no folder"),
        (tmp_path, "is a folder"),
    ]:
        with pytest.raises(CommandError, match=reason):
            call_command("backup", "--output", str(output), stdout=io.StringIO())
