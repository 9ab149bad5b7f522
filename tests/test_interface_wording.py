"""Interface strings that read naturally in every language: the local start time with a city's
name that cannot take a case ending, and "series", singular or plural as the count asks."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import translation
from wagtail.models import Locale

from livecasts.models import SeriesPage
from tests.factories import (
    CityFactory,
    EpisodePageFactory,
    SeriesPageFactory,
    home_page,
    publish,
)
from tests.fixtures_content import translate_page, translate_snippet

pytestmark = pytest.mark.django_db

CITY_NAMES = {"el": ("Αθήνα", "Ελλάδα"), "pl": ("Ateny", "Grecja"), "fr": ("Athènes", "Grèce")}


@pytest.fixture
def athens_episode():
    """16:00 in Amsterdam is 17:00 in Athens; the page and its city translated."""
    series = publish(SeriesPageFactory(parent=home_page(), slug="infected-cities"))
    city = CityFactory(name="Athens", country="Greece", time_zone="Europe/Athens")
    episode = publish(
        EpisodePageFactory(
            parent=series,
            slug="athens",
            city=city,
            date=datetime.date(2020, 12, 17),
            start_time=datetime.time(16, 0),
        )
    )
    for code, (name, country) in CITY_NAMES.items():
        locale = Locale.objects.get(language_code=code)
        translate_snippet(city, locale, name=name, country=country)
        translate_page(series, locale)
        translate_page(episode, locale)
    return episode


def local_time_line(client, language):
    response = client.get(f"/{language}/infected-cities/athens/")
    assert response.status_code == 200
    line = BeautifulSoup(response.text, "html.parser").select_one(".date-block__local")
    return " ".join(line.get_text().split())


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("en", "17:00 in Athens"),
        ("el", "Αθήνα: 17:00 τοπική ώρα"),
        ("pl", "Ateny: 17:00 czasu lokalnego"),
        ("fr", "17h00 à Athènes"),
    ],
)
def test_the_local_start_reads_naturally_with_the_city_in_the_nominative(
    client, athens_episode, language, line
):
    assert local_time_line(client, language) == line


def add_series(language, count):
    for number in range(count):
        publish(SeriesPageFactory(parent=home_page(language), slug=f"series-{number}"))


def footer_series_heading(client, language):
    footer = BeautifulSoup(client.get(f"/{language}/").text, "html.parser").find("footer")
    return footer.find(id="footer-series-heading").get_text(strip=True)


@pytest.mark.parametrize(
    ("language", "count", "heading"),
    [
        ("en", 1, "Series"),
        ("en", 2, "Series"),
        ("el", 1, "Σειρά"),
        ("el", 2, "Σειρές"),
        ("pl", 1, "Cykl"),
        ("pl", 3, "Cykle"),
        ("pl", 5, "Cykle"),
        ("fr", 1, "Série"),
        ("fr", 2, "Séries"),
    ],
)
def test_the_footer_heading_over_the_series_agrees_with_their_number(
    client, language, count, heading
):
    add_series(language, count)

    assert footer_series_heading(client, language) == heading


@pytest.mark.parametrize(
    ("language", "one", "several"),
    [("en", "series", "series"), ("el", "σειρά", "σειρές"), ("pl", "cykl", "cykle")],
)
def test_the_page_type_has_its_own_singular_and_plural(language, one, several):
    with translation.override(language):
        assert str(SeriesPage._meta.verbose_name) == one
        assert str(SeriesPage._meta.verbose_name_plural) == several
