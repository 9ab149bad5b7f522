"""The site footer: who makes the programme, its series and how to follow them, the site in
every language, read from the page tree and up to date after a publish."""

import pytest
from bs4 import BeautifulSoup

from livecasts.models import (
    OrganisationIndexPage,
    OrganisationPage,
    SeriesOrganisation,
    SeriesPage,
)

pytestmark = pytest.mark.django_db
LANGUAGES = ["en", "nl", "fr", "el", "pl", "es"]


def footer(client, path):
    return BeautifulSoup(client.get(path).text, "html.parser").find("footer")


def link_texts(section):
    return [link.get_text(strip=True) for link in section.find_all("a")]


def section_headed(footer_element, heading):
    title = footer_element.find("h2", string=heading)
    assert title is not None, f"no footer section headed {heading!r}"
    return title.parent


def test_the_footer_names_the_organisers_and_the_series_in_the_readers_language(demo, client):
    greek = footer(client, "/el/")

    assert link_texts(section_headed(greek, "Διοργάνωση")) == ["DutchCulture", "Pakhuis de Zwijger"]
    series = section_headed(greek, "Σειρά")  # the demo has one series
    assert series.find("a", href="/el/infected-cities/") is not None
    assert series.find("a", href="/el/infected-cities/feed/rss/") is not None
    assert series.find("a", href="/el/infected-cities/feed/atom/") is not None
    assert series.find("a", href=lambda href: href.startswith("webcal://")) is not None
    assert "RSS" in series.get_text() and "ημερολόγιο" in series.get_text()


def test_the_footer_links_the_home_page_in_each_language_in_that_language(demo, client):
    languages = section_headed(footer(client, "/pl/"), "Strona w Twoim języku")

    links = languages.find_all("a")
    assert [(link["href"], link["lang"], link["hreflang"]) for link in links] == [
        (f"/{code}/", code, code) for code in LANGUAGES
    ]
    assert [link.get_text() for link in links if link.get("aria-current")] == ["Polski"]
    assert "Ελληνικά" in link_texts(languages)


def test_the_footer_has_an_about_and_contact_line_and_no_raw_sitemap(demo, client):
    english = footer(client, "/en/infected-cities/athens/")

    assert english.find("a", href="/en/about/").get_text() == "About City Makers"
    assert english.find("a", href="https://dutchculture.nl/") is not None
    assert english.find("a", href="/sitemap.xml") is None
    assert client.get("/sitemap.xml").status_code == 200


def test_a_newly_published_organiser_appears_in_the_footer(demo, client):
    assert "Sample Foundation" not in link_texts(footer(client, "/en/"))
    index = OrganisationIndexPage.objects.get(locale__language_code="en")
    organisation = OrganisationPage(title="Sample Foundation", slug="sample", description="A.")
    index.add_child(instance=organisation)
    series = SeriesPage.objects.get(locale__language_code="en")
    SeriesOrganisation.objects.create(page=series, organisation=organisation)
    organisation.save_revision().publish()

    assert "Sample Foundation" in link_texts(footer(client, "/en/"))
