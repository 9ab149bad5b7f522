"""The sitemap lists every language's pages with their hreflang alternates; robots.txt finds it."""

import re
import xml.etree.ElementTree as ET

import pytest

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
LANGUAGES = ["en", "nl", "fr", "el", "pl", "es"]
BASE = "http://localhost"


def section_addresses(client):
    """The addresses the sitemap index lists."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    return [entry.find("s:loc", NS).text for entry in root.findall("s:sitemap", NS)]


def read_sitemap(client):
    """{address: {hreflang: href}} over every section the index lists."""
    urls = {}
    for address in section_addresses(client):
        response = client.get(address.removeprefix(BASE))
        assert response.status_code == 200, address
        root = ET.fromstring(response.content)
        for url in root.findall("s:url", NS):
            urls[url.find("s:loc", NS).text] = {
                link.get("hreflang"): link.get("href")
                for link in url.findall("x:link", NS)
                if link.get("rel") == "alternate"
            }
    return urls


def test_the_index_lists_a_section_per_language(client, series_content):
    assert section_addresses(client) == [f"{BASE}/sitemap-{code}.xml" for code in LANGUAGES]
    assert client.get("/sitemap-xx.xml").status_code == 404


def test_a_section_lists_only_its_languages_pages(client, series_content):
    locations = re.findall(r"<loc>([^<]+)</loc>", client.get("/sitemap-el.xml").text)

    assert locations and all(location.startswith(f"{BASE}/el/") for location in locations)


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


def test_a_long_section_is_split_into_pages_the_index_lists(client, series_content, monkeypatch):
    from citymakers.sitemaps import LocalisedPagesSitemap

    monkeypatch.setattr(LocalisedPagesSitemap, "limit", 2)
    greek_athens = f"{BASE}/el/infected-cities/athens/"

    addresses = section_addresses(client)
    sitemap = read_sitemap(client)

    assert f"{BASE}/sitemap-el.xml?p=2" in addresses
    assert set(sitemap[greek_athens]) == {"en", "el", "x-default"}
    assert f"{BASE}/en/infected-cities/warsaw/" in sitemap
