"""Security headers on every kind of response, read over HTTPS with production's settings and
scored the way the Mozilla HTTP Observatory scores them (tests/observatory.py)."""

import base64
import hashlib
import re
import runpy
from urllib.parse import urlsplit

import pytest
from django.test import Client

from citymakers.settings import base as base_settings
from livecasts.models import SeriesPage
from tests.observatory import grade, grade_django_response, parse_csp

pytestmark = pytest.mark.django_db

PUBLIC_PATHS = {
    "home": "/en/",
    "home-greek": "/el/",
    "series": "/en/infected-cities/",
    "episode": "/en/infected-cities/paris/",
    "organisation-index": "/en/organisations/",
    "organisation": "/en/organisations/dutchculture/",
    "standard-page": "/en/about/",
    "search": "/en/search/?q=Athens",
    "rss": "/en/infected-cities/feed/rss/",
    "atom": "/en/infected-cities/feed/atom/",
    "series-calendar": "/en/infected-cities/calendar.ics",
    "episode-calendar": "/en/infected-cities/paris/calendar.ics",
    "sitemap": "/sitemap.xml",
    "robots": "/robots.txt",
    "not-found": "/en/no-such-page/",
    "api": "/api/v2/pages/",
    "admin-login": "/admin/login/",
}
SECURITY_SETTING = re.compile(
    r"^(SECURE_|SESSION_COOKIE_|CSRF_COOKIE_|CONTENT_SECURITY_POLICY|PERMISSIONS_POLICY"
    r"|CROSS_ORIGIN_|X_FRAME_OPTIONS$|MIDDLEWARE$)"
)


@pytest.fixture
def production(settings, monkeypatch):
    """Production's security settings (HSTS, secure cookies, the headers' settings) over the
    test settings, whose database, static storage and media the demo content needs."""
    monkeypatch.setenv("SECRET_KEY", "production-headers-test-" + "x" * 40)
    for name in ("DEBUG", "SECURE_SSL_REDIRECT", "AWS_STORAGE_BUCKET_NAME"):
        monkeypatch.delenv(name, raising=False)
    values = runpy.run_module("citymakers.settings.production")
    for name, value in values.items():
        if SECURITY_SETTING.match(name):
            setattr(settings, name, value)
    return settings


def get(path, client=None, **headers):
    return (client or Client()).get(path, secure=True, **headers)


def directives(response):
    return parse_csp(response["Content-Security-Policy"])


@pytest.mark.parametrize("kind", PUBLIC_PATHS)
def test_every_public_response_scores_an_a_plus(demo, production, kind):
    response = get(PUBLIC_PATHS[kind])

    assert response.status_code == (404 if kind == "not-found" else 200)
    result = grade_django_response(response)
    assert result.score >= 100, result.results


def test_plain_http_is_redirected_to_https_on_the_same_host(production):
    response = Client().get("/en/", HTTP_HOST="citymakers.example.org")

    assert response.status_code == 301
    assert response["Location"] == "https://citymakers.example.org/en/"


def test_public_pages_run_only_this_sites_scripts_and_styles(demo, production):
    policy = directives(get("/en/infected-cities/paris/"))

    assert policy["default-src"] == {"'self'"}
    assert policy["script-src"] == {"'self'"}
    assert policy["style-src"] == {"'self'"}
    assert policy["object-src"] == {"'none'"}
    assert policy["base-uri"] == {"'self'"}
    assert policy["form-action"] == {"'self'"}
    assert policy["frame-ancestors"] == {"'none'"}


@pytest.mark.parametrize(
    "recording", ["https://www.youtube.com/watch?v=aqz-KE-bpKQ", "https://vimeo.com/76979871"]
)
def test_the_video_player_may_be_framed_and_go_fullscreen(demo, production, recording):
    from livecasts.models import EpisodePage

    paris = EpisodePage.objects.get(locale__language_code="en", slug="paris")
    paris.recording_url = recording
    paris.save_revision().publish()
    response = get("/en/infected-cities/paris/")
    player_urls = re.findall(r'data-player-url="([^"]+)"', response.text)
    assert player_urls, "the episode shows a click-to-play video"

    for url in player_urls:
        origin = "https://" + urlsplit(url.replace("&amp;", "&")).netloc
        assert origin in directives(response)["frame-src"]
        for feature in ("autoplay", "fullscreen"):
            assert re.search(rf'{feature}=\([^)]*"{origin}"', response["Permissions-Policy"])


def test_powerful_features_are_switched_off(demo, production):
    permissions = get("/en/")["Permissions-Policy"]

    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in permissions
    assert get("/en/")["Cross-Origin-Opener-Policy"] == "same-origin"


def test_the_server_error_page_allows_only_its_own_inline_style(demo, production, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("simulated failure")

    monkeypatch.setattr(SeriesPage, "serve", broken)
    client = Client(raise_request_exception=False)
    response = get("/en/infected-cities/", client)

    assert response.status_code == 500
    style = re.search(r"<style>(.*?)</style>", response.text, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    policy = directives(response)
    assert policy["style-src"] == {f"'sha256-{digest}'".lower()}
    assert policy["default-src"] == {"'none'"}
    assert "script-src" not in policy
    assert grade_django_response(response).score >= 100


def test_the_not_found_page_loads_nothing_but_this_sites_files(demo, production):
    policy = directives(get("/en/no-such-page/"))

    assert policy["default-src"] == {"'none'"}
    assert "frame-src" not in policy


def test_feeds_calendars_and_the_api_load_nothing(demo, production):
    for path in ("/en/infected-cities/feed/rss/", "/sitemap.xml", "/api/v2/pages/"):
        policy = directives(get(path))
        assert policy["default-src"] == {"'none'"}
        assert policy["frame-ancestors"] == {"'none'"}


def log_in(client, user, password):
    """Through the admin's login form, with CSRF checked as a browser's request is."""
    form = get("/admin/login/", client).text
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    return client.post(
        "/admin/login/",
        {"username": user.username, "password": password, "csrfmiddlewaretoken": token},
        secure=True,
        HTTP_REFERER="https://testserver/admin/login/",
    )


def test_the_admin_gets_the_policy_wagtail_needs_and_safe_cookies(
    demo, production, django_user_model
):
    user = django_user_model.objects.create_superuser("boss", "boss@example.org", "pass-word-1")
    client = Client(enforce_csrf_checks=True)
    signed_in = log_in(client, user, "pass-word-1")
    assert signed_in.status_code == 302

    cookies = grade_django_response(signed_in).results["cookies"]
    assert cookies == ("cookies-secure-with-httponly-sessions-and-samesite", 5)
    dashboard = get("/admin/", client)
    assert dashboard.status_code == 200
    policy = directives(dashboard)
    assert policy["script-src"] == {"'self'", "'unsafe-inline'"}
    assert policy["style-src"] == {"'self'"}  # no style="" attributes
    assert policy["style-src-elem"] == {"'self'", "'unsafe-inline'"}
    assert policy["img-src"] == {"'self'", "blob:"}
    assert policy["frame-src"] == {"'self'"}
    assert policy["frame-ancestors"] == {"'self'"}
    assert policy["object-src"] == {"'none'"}
    assert "'unsafe-eval'" not in str(policy)


@pytest.mark.parametrize(
    ("variables", "origins"),
    [
        ({}, ["https://cm.s3.amazonaws.com"]),
        ({"AWS_S3_CUSTOM_DOMAIN": "media.example.org"}, ["https://media.example.org"]),
        ({"AWS_S3_ENDPOINT_URL": "https://s3.nl.example.net/"}, ["https://s3.nl.example.net"]),
        (
            {"AWS_S3_REGION_NAME": "eu-west-1"},
            ["https://cm.s3.amazonaws.com", "https://cm.s3.eu-west-1.amazonaws.com"],
        ),
    ],
)
def test_images_from_the_s3_bucket_are_allowed(monkeypatch, variables, origins):
    for name in ("AWS_S3_CUSTOM_DOMAIN", "AWS_S3_ENDPOINT_URL", "AWS_S3_REGION_NAME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_STORAGE_BUCKET_NAME", "cm")
    for name, value in variables.items():
        monkeypatch.setenv(name, value)

    base = runpy.run_path(base_settings.__file__)  # the settings module, read afresh

    assert base["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["img-src"] == ["'self'", *origins]


def test_the_observatory_helper_marks_down_unsafe_policies():
    safe = {
        "Content-Security-Policy": "default-src 'self'; frame-ancestors 'none'",
        "Strict-Transport-Security": "max-age=31536000",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
    }
    inline = {**safe, "Content-Security-Policy": "default-src 'self' 'unsafe-inline'"}
    short_hsts = {**safe, "Strict-Transport-Security": "max-age=300"}

    assert grade(safe).score == 115
    assert grade(inline).score == 60  # no frame-ancestors either: no bonus at all
    assert grade(short_hsts).score == 105
