"""The public search as readers in six languages use it: inflected forms, results in other
languages when their own has none, and editors' promotions."""

import pytest
from bs4 import BeautifulSoup
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Page

from search.matching import stemmed
from search.stemming import stems_of

pytestmark = pytest.mark.django_db


def search(client, language, query):
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    return BeautifulSoup(response.text, "html.parser")


def result_paths(page):
    return [link["href"] for link in page.select("ol.search-results h2 a")]


@pytest.mark.parametrize(
    ("language", "query", "expected"),
    [
        ("el", "αθηνας", "athens"),  # genitive, unaccented: Αθήνα
        ("el", "Αθήνας", "athens"),
        ("pl", "warszawie", "warsaw"),  # locative: Warszawa
        ("pl", "Warszawy", "warsaw"),  # genitive
        ("en", "beach", "warsaw"),  # beaches
        ("fr", "villes", "athens"),  # ville
        ("fr", "plage", "warsaw"),  # plages
        ("es", "ciudades", "athens"),  # ciudad
        ("es", "playa", "warsaw"),  # playas
        ("nl", "steden", "athens"),  # stad
        ("nl", "strand", "warsaw"),  # stranden
    ],
)
def test_an_inflected_form_finds_the_page_with_its_base_form(
    demo, client, language, query, expected
):
    paths = result_paths(search(client, language, query))

    assert f"/{language}/infected-cities/{expected}/" in paths
    assert all(path.startswith(f"/{language}/") for path in paths)


@pytest.mark.parametrize(
    ("language", "query"), [("en", "Αθήνα"), ("pl", "Αθήνα"), ("en", "αθηνας")]
)
def test_with_nothing_in_the_readers_language_results_in_other_languages_are_offered(
    demo, client, language, query
):
    page = search(client, language, query)
    section = page.select_one("section.search-other-languages")

    assert result_paths(page) == []
    assert section.h2.get_text(strip=True)
    greek = section.find("a", href="/el/infected-cities/athens/")
    assert greek["lang"] == "el" and greek["hreflang"] == "el"
    label = greek.find_previous("h3")
    assert label.find("span", lang="el").get_text() == "Ελληνικά"


def test_results_in_the_readers_language_come_without_other_languages(demo, client):
    page = search(client, "en", "Athens")

    assert "/en/infected-cities/athens/" in result_paths(page)
    assert page.select_one("section.search-other-languages") is None


def test_promotions_show_above_the_results_in_the_readers_language(demo, client):
    madrid = Page.objects.get(locale__language_code="en", url_path__endswith="/madrid/")
    Query.get("infected cities").editors_picks.create(
        page=madrid, description="Where the first round ends.", sort_order=0
    )
    page = search(client, "el", "Infected Cities")
    promotions = page.select_one("section.search-promotions")

    link = promotions.find("a", href="/el/infected-cities/madrid/")
    assert link.get_text() == "Infected Cities: Μαδρίτη"
    assert "Where the first round ends." in promotions.get_text()
    assert promotions.find_next("ol", class_="search-results")
    assert result_paths(page)


def test_a_promoted_page_not_yet_translated_is_shown_in_its_own_language(demo, client):
    about = Page.objects.get(locale__language_code="el", url_path__endswith="/about/")
    Query.get("about").editors_picks.create(page=about, sort_order=0)
    Page.objects.filter(translation_key=about.translation_key).exclude(pk=about.pk).update(
        live=False
    )
    promotions = search(client, "pl", "About").select_one("section.search-promotions")

    link = promotions.find("a", href="/el/about/")
    assert link["lang"] == "el" and link["hreflang"] == "el"


def test_no_result_anywhere_says_so_and_suggests_another_try(demo, client):
    page = search(client, "en", "xyzzy")

    assert "0 results for “xyzzy”." in page.get_text()
    assert "Try a city, a name or a shorter word." in page.get_text()
    assert page.select_one("section.search-other-languages") is None


@pytest.mark.parametrize(
    ("language", "text", "query"),
    [
        ("es", "ciudades", "ciudad"),  # Snowball: ciudades → ciudad → ciud
        ("es", "ciudad", "ciudades"),
        ("nl", "stad", "steden"),
        ("el", "αθηνα", "αθηνασ"),  # folded: casefold turns a final ς into σ
        ("pl", "warszawa", "warszawie"),
    ],
)
def test_a_query_word_stems_to_a_word_the_page_indexes(language, text, query):
    indexed = {text, *stems_of(text, language)}

    assert stemmed(query, language) in indexed
