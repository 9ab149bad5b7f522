"""The sitemap lists every language's pages with their hreflang alternates; robots.txt finds it."""

import xml.etree.ElementTree as ET

import pytest

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
LANGUAGES = ["en", "nl", "fr", "el", "pl", "es"]
BASE = "http://localhost"


def read_sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    return {
        url.find("s:loc", NS).text: {
            link.get("hreflang"): link.get("href")
            for link in url.findall("x:link", NS)
            if link.get("rel") == "alternate"
        }
        for url in root.findall("s:url", NS)
    }


def test_sitemap_lists_every_languages_home_page(client, series_content):
    sitemap = read_sitemap(client)

    for language in LANGUAGES:
        assert f"{BASE}/{language}/" in sitemap


def test_sitemap_lists_live_pages_of_every_locale_and_no_drafts(client, series_content):
    sitemap = read_sitemap(client)

    for path in ["infected-cities/", "infected-cities/paris/", "infected-cities/athens/"]:
        assert f"{BASE}/en/{path}" in sitemap
        assert f"{BASE}/el/{path}" in sitemap
    assert f"{BASE}/en/infected-cities/warsaw/" in sitemap
    assert f"{BASE}/el/infected-cities/warsaw/" not in sitemap
    assert not any("madrid" in location for location in sitemap)


def test_each_url_lists_every_existing_translation_and_x_default(client, series_content):
    sitemap = read_sitemap(client)
    athens = {
        "en": f"{BASE}/en/infected-cities/athens/",
        "el": f"{BASE}/el/infected-cities/athens/",
    }

    expected = {**athens, "x-default": athens["en"]}
    assert sitemap[athens["en"]] == expected
    assert sitemap[athens["el"]] == expected
    assert sitemap[f"{BASE}/en/infected-cities/warsaw/"] == {
        "en": f"{BASE}/en/infected-cities/warsaw/",
        "x-default": f"{BASE}/en/infected-cities/warsaw/",
    }
    assert sitemap[f"{BASE}/pl/"] == {
        **{language: f"{BASE}/{language}/" for language in LANGUAGES},
        "x-default": f"{BASE}/en/",
    }


def test_every_url_has_alternates_including_itself(client, series_content):
    sitemap = read_sitemap(client)

    for location, alternates in sitemap.items():
        assert location in alternates.values()
        assert "x-default" in alternates


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.text.splitlines()
    assert "Sitemap: http://localhost/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines


def test_alternates_survive_when_the_sitemap_is_split_into_pages(
    client, series_content, monkeypatch
):
    from citymakers.sitemaps import LocalisedPagesSitemap

    monkeypatch.setattr(LocalisedPagesSitemap, "limit", 2)
    greek_athens = f"{BASE}/el/infected-cities/athens/"
    pages = {}
    for number in range(1, 20):
        response = client.get(f"/sitemap.xml?p={number}")
        if response.status_code == 404:
            break
        root = ET.fromstring(response.content)
        for url in root.findall("s:url", NS):
            links = url.findall("x:link", NS)
            pages[url.find("s:loc", NS).text] = {link.get("hreflang") for link in links}

    assert pages[greek_athens] == {"en", "el", "x-default"}
