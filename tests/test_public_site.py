"""What readers and their clients see on every page type, in English and Greek."""

import json
import re

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db

PAGE_PATHS = [
    "",
    "infected-cities/",
    "infected-cities/athens/",
    "organisations/",
    "organisations/dutchculture/",
    "about/",
]
LANGUAGES = ["en", "nl", "fr", "el", "pl", "es"]


def json_ld(text):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
    return [item for block in blocks for item in json.loads(block)]


def links(text, rel):
    return re.findall(rf'<link rel="{rel}"([^>]*)>', text)


@pytest.mark.parametrize("language", ["en", "el"])
@pytest.mark.parametrize("path", PAGE_PATHS)
def test_every_page_type_declares_language_canonical_and_alternates(demo, client, language, path):
    url = f"/{language}/{path}"
    response = client.get(url)
    text = response.text

    assert response.status_code == 200
    assert f'<html lang="{language}"' in text
    assert f'<link rel="canonical" href="http://localhost{url}">' in text
    alternates = dict(re.findall(r'hreflang="([^"]+)" href="([^"]+)"', text))
    assert set(alternates) == {*LANGUAGES, "x-default"}
    assert alternates["x-default"] == f"http://localhost/en/{path}"
    assert alternates["pl"] == f"http://localhost/pl/{path}"
    types = {item["@type"] for item in json_ld(text)}
    assert "BreadcrumbList" in types
    assert 'property="og:title"' in text and 'name="twitter:card"' in text


def test_the_language_switcher_lists_existing_translations_and_marks_the_current(demo, client):
    text = client.get("/el/infected-cities/athens/").text
    switcher = text[text.index('class="language-switcher"') :]
    switcher = switcher[: switcher.index("</nav>")]

    assert switcher.count("<li>") == 6
    assert (
        'href="/language/pl/?next=%2Fpl%2Finfected-cities%2Fathens%2F" lang="pl" hreflang="pl"'
        in switcher
    )
    assert re.search(r'lang="el" hreflang="el" aria-current="true">Ελληνικά<', switcher)


@pytest.mark.parametrize("language", ["en", "el"])
def test_episode_event_data(demo, client, language):
    text = client.get(f"/{language}/infected-cities/athens/").text
    event = next(item for item in json_ld(text) if item["@type"] == "Event")

    assert event["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert event["eventStatus"] == "https://schema.org/EventScheduled"
    assert event["location"]["@type"] == "VirtualLocation" and event["location"]["url"]
    assert event["startDate"] == "2020-12-17"  # the demo gives dates only: a whole day
    assert event["inLanguage"] == language
    assert {org["name"] for org in event["organizer"]} == {"DutchCulture", "Pakhuis de Zwijger"}
    assert len(event["performer"]) == 2


def test_greek_episode_performers_are_greek(demo, client):
    text = client.get("/el/infected-cities/athens/").text
    event = next(item for item in json_ld(text) if item["@type"] == "Event")

    assert all(re.search("[α-ω]", person["name"]) for person in event["performer"])


def test_organisation_data(demo, client):
    text = client.get("/el/organisations/dutchculture/").text
    organisation = next(item for item in json_ld(text) if item["@type"] == "Organization")

    assert organisation["name"] == "DutchCulture"
    assert organisation["url"] == "https://dutchculture.nl/"
    assert re.search("[α-ω]", organisation["description"])


def test_series_advertises_its_feeds(demo, client):
    head = BeautifulSoup(client.get("/el/infected-cities/").text, "html.parser").head

    links = head.find_all("link", rel="alternate", type=True)
    feeds = {link["type"]: link["href"] for link in links}
    assert feeds["application/rss+xml"] == "/el/infected-cities/feed/rss/"
    assert feeds["application/atom+xml"] == "/el/infected-cities/feed/atom/"


@pytest.mark.parametrize(
    ("language", "query", "expected"),
    [
        ("el", "Αθήνα", "/el/infected-cities/athens/"),
        ("el", "ΑΘΗΝΑ", "/el/infected-cities/athens/"),
        ("fr", "Athènes", "/fr/infected-cities/athens/"),
        ("fr", "Athenes", "/fr/infected-cities/athens/"),
        ("pl", "Warszawa", "/pl/infected-cities/warsaw/"),
    ],
)
def test_search_finds_the_episode_in_the_readers_language(demo, client, language, query, expected):
    text = client.get(f"/{language}/search/", {"q": query}).text
    results = re.findall(r'<h2><a href="([^"]+)"', text)

    assert expected in results
    assert all(result.startswith(f"/{language}/") for result in results)


@pytest.mark.parametrize(
    "url",
    [
        "/en/search/?q=",
        "/en/search/?q=" + "x" * 10_000,
        "/en/search/?q=cities&page=abc",
        "/en/search/?q=cities&page=99999",
        "/en/search/?q=cities&page=-1",
        "/el/infected-cities/?page=abc",
        "/en/infected-cities/athens/?utm_source=%00%ff",
    ],
)
def test_junk_query_strings_get_a_normal_page(demo, client, url):
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("slug", ["paris", "athens", "warsaw", "madrid"])
def test_episode_pages_load_nothing_from_third_parties(demo, client, slug):
    text = client.get(f"/el/infected-cities/{slug}/").text

    assert "<iframe" not in text
    sources = re.findall(r'\s(?:src|srcset)="([^"]+)"', text)
    urls = [part.strip().split(" ")[0] for source in sources for part in source.split(",")]
    assert urls
    assert all(url.startswith("/") and not url.startswith("//") for url in urls)
