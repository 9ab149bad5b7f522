"""Between languages there are no dead ends: the switcher shows all six, a reader's choice is
remembered for the bare domain, a page missing in the reader's language says where it is, and
text not translated yet carries its own language."""

import datetime

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale, PageViewRestriction

from livecasts.models import EpisodeSpeaker
from tests.factories import (
    CityFactory,
    EpisodePageFactory,
    PersonFactory,
    SeriesPageFactory,
    StandardPageFactory,
    home_page,
    publish,
)

pytestmark = pytest.mark.django_db


def html(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.fixture
def series():
    return SeriesPageFactory(parent=home_page(), title="Infected Cities", slug="infected-cities")


@pytest.fixture
def greek_series(series):
    return publish(
        series.copy_for_translation(Locale.objects.get(language_code="el"), copy_parents=True)
    )


def test_the_switcher_shows_six_languages_and_links_only_to_translations(client, greek_series):
    switcher = html(client.get("/en/infected-cities/")).find("nav", class_="language-switcher")

    items = switcher.find_all("li")
    links = switcher.find_all("a")
    assert [item.find(lang=True)["lang"] for item in items] == ["en", "nl", "fr", "el", "pl", "es"]
    assert [link["hreflang"] for link in links] == ["en", "el"]
    missing = switcher.find_all("span", class_="language-switcher__missing")
    assert [span["lang"] for span in missing] == ["nl", "fr", "pl", "es"]
    assert all("(not translated yet)" in span.parent.get_text() for span in missing)


def test_a_language_chosen_in_the_switcher_is_remembered_for_the_bare_domain(client, greek_series):
    switcher = html(client.get("/en/infected-cities/")).find("nav", class_="language-switcher")
    greek_link = switcher.find("a", hreflang="el")["href"]

    chosen = client.get(greek_link)

    assert chosen.status_code == 302
    assert chosen["Location"] == "/el/infected-cities/"
    assert chosen.cookies["django_language"].value == "el"
    assert "private" in chosen["Cache-Control"] or "no-cache" in chosen["Cache-Control"]
    bare = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert bare["Location"] == "/el/"


def test_a_new_reader_gets_their_browsers_language(client):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="pl-PL,pl;q=0.9")["Location"] == "/pl/"


@pytest.mark.parametrize(
    "next_url",
    ["https://elsewhere.example/el/", "//elsewhere.example/el/", "/en/infected-cities/", ""],
)
def test_a_choice_leads_only_to_a_page_of_this_site_in_that_language(client, next_url):
    response = client.get("/language/el/", {"next": next_url})

    assert response.status_code == 302
    assert response["Location"] == "/el/"


def test_an_unknown_language_is_not_a_choice(client):
    response = client.get("/language/xx/", {"next": "/xx/"}, follow=True)

    assert response.status_code == 404
    assert "django_language" not in client.cookies


def test_a_page_missing_in_the_readers_language_says_where_it_exists(client, greek_series):
    EpisodePageFactory(
        parent=greek_series.get_translation(Locale.get_default()), title="Athens", slug="athens"
    )

    response = client.get("/el/infected-cities/athens/")

    assert response.status_code == 404
    page = html(response)
    assert page.html["lang"] == "el"
    assert "Αυτή η σελίδα δεν έχει μεταφραστεί ακόμη σε αυτή τη γλώσσα." in page.get_text()
    offered = page.find("section", class_="elsewhere").find("a")
    assert offered["href"] == "/en/infected-cities/athens/"
    assert offered["hreflang"] == "en" and offered.parent["lang"] == "en"
    assert offered.get_text() == "English: Athens"
    nearest = page.find("a", href="/el/infected-cities/")
    assert nearest is not None


def test_an_address_that_is_no_page_in_any_language_gets_the_plain_answer(client, series):
    response = client.get("/fr/infected-cities/nowhere/")

    assert response.status_code == 404
    page = html(response)
    assert page.find("section", class_="elsewhere") is None
    assert page.html["lang"] == "fr"
    assert "Nous n'avons pas trouvé la page demandée." in page.find("p", class_="lead").get_text()


def test_a_private_page_is_not_revealed_in_another_language(client, series):
    about = StandardPageFactory(parent=home_page(), title="Members only", slug="members")
    PageViewRestriction.objects.create(page=about, restriction_type=PageViewRestriction.LOGIN)

    response = client.get("/nl/members/")

    assert response.status_code == 404
    assert "Members only" not in response.content.decode()


def test_text_not_translated_yet_is_marked_with_its_language(client, series):
    city = CityFactory(name="Lisbon", country="Portugal", time_zone="Europe/Lisbon")
    person = PersonFactory(name="Sample Ada", profession="Urbanist")
    episode = EpisodePageFactory(
        parent=series, title="Berlin", slug="berlin", city=city, start_time=datetime.time(16)
    )
    EpisodeSpeaker.objects.create(page=episode, person=person, role="Guest")
    episode = publish(episode)
    greek = Locale.objects.get(language_code="el")
    publish(episode.copy_for_translation(greek, copy_parents=True))

    greek_page = html(client.get("/el/infected-cities/berlin/"))
    english_page = html(client.get("/en/infected-cities/berlin/"))

    assert greek_page.find(class_="episode__city")["lang"] == "en"
    assert greek_page.find(class_="person__profession")["lang"] == "en"
    assert greek_page.find(class_="person__name").span["lang"] == "en"
    assert not english_page.find(class_="episode__city").has_attr("lang")
    assert not english_page.find(class_="person__profession").has_attr("lang")
    # The local start time names the city inside a translated sentence.
    local_start = greek_page.find(class_="date-block__local")
    assert local_start.span["lang"] == "en" and local_start.span.text == "Lisbon"
    assert english_page.find(class_="date-block__local").span is None
