"""What each page says about itself: breadcrumbs, JSON-LD, description and x-default, told
the same way to readers, search engines and the site's own search."""

import html
import json
import re
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from wagtail.models import Page

pytestmark = pytest.mark.django_db

JSON_LD_TYPES = {
    "": {"BreadcrumbList"},
    "about/": {"BreadcrumbList"},
    "infected-cities/": {"BreadcrumbList"},
    "infected-cities/athens/": {"BreadcrumbList", "Event"},
    "organisations/": {"BreadcrumbList"},
    "organisations/dutchculture/": {"BreadcrumbList", "Organization"},
}


def json_ld(text):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
    return [item for block in blocks for item in json.loads(block)]


def visible_breadcrumbs(text):
    """(path, title) of each link in the breadcrumb navigation."""
    nav = re.search(r'<nav class="breadcrumbs".*?</nav>', text, re.S)[0]
    return [
        (href, html.unescape(title))
        for href, title in re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', nav)
    ]


def meta(text, name):
    found = re.search(rf'<meta (?:name|property)="{name}" content="([^"]*)">', text)
    return html.unescape(found[1]) if found else None


def x_default(text):
    return re.search(r'<link rel="alternate" hreflang="x-default" href="([^"]+)">', text)[1]


@pytest.mark.parametrize("language", ["en", "el"])
@pytest.mark.parametrize(
    "path",
    ["about/", "infected-cities/", "infected-cities/athens/", "organisations/dutchculture/"],
)
def test_breadcrumbs_on_the_page_and_in_json_ld_are_the_same_trail(demo, client, language, path):
    text = client.get(f"/{language}/{path}").text

    shown = visible_breadcrumbs(text)
    (trail,) = [item for item in json_ld(text) if item["@type"] == "BreadcrumbList"]
    described = [
        (urlsplit(crumb["item"]).path, crumb["name"]) for crumb in trail["itemListElement"]
    ]
    assert described == shown
    assert shown[0][0] == f"/{language}/"
    assert shown[-1][0] == f"/{language}/{path}"
    assert [crumb["position"] for crumb in trail["itemListElement"]] == [1, 2, 3, 4][: len(shown)]


@pytest.mark.parametrize(("path", "types"), JSON_LD_TYPES.items())
def test_each_page_type_describes_itself_in_json_ld(demo, client, path, types):
    text = client.get(f"/el/{path}").text

    objects = json_ld(text)
    assert {item["@type"] for item in objects} == types
    title = html.unescape(re.search(r"<h1>(.*?)</h1>", text, re.S)[1])
    for item in objects:
        if item["@type"] in {"Event", "Organization"}:
            assert item["name"] == title
            assert item["@context"] == "https://schema.org"


def test_the_episode_event_speaks_the_pages_language_and_time(demo, client):
    (event,) = [
        item
        for item in json_ld(client.get("/el/infected-cities/athens/").text)
        if item["@type"] == "Event"
    ]

    assert event["inLanguage"] == "el"
    assert event["url"] == "http://localhost/el/infected-cities/athens/"
    assert event["startDate"].startswith("2020-12-17")


@pytest.mark.parametrize(
    ("path", "query"),
    [
        ("infected-cities/athens/", "Athens"),
        ("infected-cities/", "Infected Cities"),
        ("organisations/dutchculture/", "DutchCulture"),
    ],
)
def test_search_results_describe_a_page_as_its_head_does(demo, client, path, query):
    page = client.get(f"/en/{path}").text
    description = meta(page, "description")
    results = client.get(reverse("search"), {"q": query}).text

    assert description
    assert meta(page, "og:description") == description
    result = re.search(rf'<a href="/en/{path}">.*?</h2>\s*<p>(.*?)</p>', results, re.S)
    assert html.unescape(result[1]) == description


@pytest.mark.parametrize("default_language", ["en", "el"])
def test_x_default_is_the_default_languages_page(demo, client, settings, default_language):
    settings.LANGUAGE_CODE = default_language

    for language in ("en", "pl"):
        text = client.get(f"/{language}/infected-cities/athens/").text
        assert x_default(text) == f"http://localhost/{default_language}/infected-cities/athens/"
    sitemap = client.get("/sitemap-fr.xml").text
    athens = re.search(
        r"<loc>http://localhost/fr/infected-cities/athens/</loc>(.*?)</url>", sitemap, re.S
    )[1]
    assert (
        f'hreflang="x-default" href="http://localhost/{default_language}/infected-cities/athens/"'
        in athens
    )


@pytest.mark.parametrize(
    ("path", "image_title"),
    [("infected-cities/athens/", "hero_image"), ("organisations/dutchculture/", "logo")],
)
def test_a_shared_link_shows_the_hero_image_or_the_organisations_logo(
    demo, client, path, image_title
):
    page = Page.objects.get(url_path__endswith=f"/{path}", locale__language_code="en").specific
    image = getattr(page, image_title)

    text = client.get(f"/en/{path}").text

    shown = meta(text, "og:image")
    assert image is not None and shown
    assert image.get_rendition("fill-1200x630|format-jpeg").url in shown
