"""Uploaded images in production: the app serves image files (and nothing else) from MEDIA_ROOT
when SERVE_MEDIA is on, and the S3 setting yields working settings."""

import json
import re
import secrets
from pathlib import Path

import pytest
from django.conf import settings

from citymakers.media import media_urlpatterns
from citymakers.urls import urlpatterns as site_urlpatterns
from home.demo.images import demo_image
from tests.factories import publish
from tests.subprocess_django import run_django, run_manage

# The site's URLs as `SERVE_MEDIA=true` makes them (settings are read once, at import).
urlpatterns = media_urlpatterns() + site_urlpatterns
pytestmark = pytest.mark.urls(__name__)

PRODUCTION_ENV = {
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "testserver",
    "SECURE_SSL_REDIRECT": "false",
}


@pytest.fixture
def series_with_hero(series_content):
    image, _ = demo_image("Media test hero", (120, 60, 30), size=(320, 180))
    series = series_content.series
    series.hero_image = image
    return publish(series), image


def image_urls(html):
    urls = re.findall(r'(?:src|srcset)="([^"]+)"', html)
    return {
        candidate.split()[0]
        for url in urls
        for candidate in url.split(",")
        if candidate.strip().startswith(settings.MEDIA_URL)
    }


def test_a_rendered_page_s_renditions_are_served_with_type_and_long_cache(client, series_with_hero):
    page = client.get("/en/infected-cities/")
    assert page.status_code == 200
    urls = image_urls(page.content.decode())
    assert any(url.endswith(".webp") for url in urls) and any(url.endswith(".jpg") for url in urls)

    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        body = b"".join(response.streaming_content)
        expected = "image/webp" if url.endswith(".webp") else "image/jpeg"
        assert response["Content-Type"] == expected
        assert body[:4] in (b"RIFF", b"\xff\xd8\xff\xe0", b"\xff\xd8\xff\xe1", b"\xff\xd8\xff\xdb")
        assert "max-age=31536000" in response["Cache-Control"]
        assert "public" in response["Cache-Control"]
        assert "Cookie" not in response.get("Vary", "")  # a CDN may keep it for everyone


def test_an_unchanged_image_is_answered_not_modified(client, series_with_hero):
    _series, image = series_with_hero
    url = image.file.url
    first = client.get(url)
    assert first.status_code == 200
    assert first["Content-Type"] == "image/png"

    again = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])

    assert again.status_code == 304


@pytest.mark.parametrize(
    "path",
    [
        "/media/images/../../../../etc/passwd",
        "/media/images/%2e%2e/%2e%2e/etc/passwd",
        "/media/original_images/..%2f..%2fsecret.png",
        "/media/images/..%5c..%5csecret.png",
        "/media/images//etc/hosts.png",
        "/media/images/%00.png",
        "/media/documents/report.pdf",
        "/media/images/",
        "/media/images/missing.png",
        "/media/images/" + "a" * 5000 + ".png",
        "/media/images/" + "a/" * 3000 + "b.png",
    ],
)
def test_nothing_but_image_files_under_the_image_folders_is_served(client, db, path):
    secret = Path(settings.MEDIA_ROOT).parent / "secret.png"
    secret.write_bytes(b"not for you")
    documents = Path(settings.MEDIA_ROOT) / "documents"
    documents.mkdir(exist_ok=True)
    (documents / "report.pdf").write_bytes(b"%PDF-1.4 private")

    response = client.get(path, follow=True)  # a path no pattern takes goes to /en/…, a 404

    # A control character in a path is refused before any view runs.
    assert response.status_code == (400 if "%00" in path else 404)
    assert b"not for you" not in response.content and b"private" not in response.content


def test_a_symlink_out_of_the_media_folder_is_not_followed(client, db, tmp_path):
    outside = tmp_path / "outside.png"
    outside.write_bytes(b"outside")
    folder = Path(settings.MEDIA_ROOT) / "images"
    folder.mkdir(exist_ok=True)
    link = folder / f"link-{secrets.token_hex(4)}.png"
    link.symlink_to(outside)

    assert client.get(f"/media/images/{link.name}").status_code == 404


def test_a_non_image_file_in_an_image_folder_is_not_served(client, db):
    folder = Path(settings.MEDIA_ROOT) / "original_images"
    folder.mkdir(exist_ok=True)
    (folder / "page.html").write_text("<script>alert(1)</script>")

    assert client.get("/media/original_images/page.html").status_code == 404


def test_production_serves_media_only_when_asked(tmp_path):
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "dot.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    code = """
        from django.test import Client
        from django.urls import Resolver404, resolve
        try:
            print(resolve("/media/images/dot.png").url_name)
        except Resolver404:
            print("unrouted")
        else:
            print(Client().get("/media/images/dot.png").status_code)
    """
    env = {**PRODUCTION_ENV, "MEDIA_ROOT": str(tmp_path)}

    assert run_django(code, **env).stdout.split() == ["unrouted"]
    assert run_django(code, SERVE_MEDIA="true", **env).stdout.split() == ["media_image", "200"]


def test_an_s3_bucket_gives_working_settings_without_network():
    env = {
        **PRODUCTION_ENV,
        "AWS_STORAGE_BUCKET_NAME": "citymakers-media",
        "AWS_S3_REGION_NAME": "eu-west-1",
        "AWS_ACCESS_KEY_ID": "test-key",
        "AWS_SECRET_ACCESS_KEY": "test-secret",
        "AWS_QUERYSTRING_AUTH": "false",
    }
    result = run_django(
        """
        import json
        from django.core.files.storage import storages
        media = storages["default"]
        print(json.dumps({"backend": type(media).__module__, "url": media.url("images/a.jpg")}))
        """,
        **env,
    )

    assert result.returncode == 0, result.stderr
    storage = json.loads(result.stdout.strip().splitlines()[-1])
    assert storage["backend"] == "storages.backends.s3"
    assert storage["url"].startswith("https://citymakers-media.s3")
    assert storage["url"].endswith("/images/a.jpg")
    env.update(SECURE_SSL_REDIRECT="true", SITE_URL="https://citymakers.example.org")
    check = run_manage("check", "--deploy", "--fail-level", "WARNING", **env)
    assert check.returncode == 0, check.stdout + check.stderr
