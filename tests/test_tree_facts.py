"""The main menu and the language switcher are read from the page tree once per content
change, and a publish, an unpublish or a move shows in them at once."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from tests.factories import SeriesPageFactory, StandardPageFactory, home_page, publish

pytestmark = pytest.mark.django_db


def menu(client, url):
    nav = BeautifulSoup(client.get(url).text, "html.parser").find("nav", class_="main-menu")
    return [link.get_text() for link in nav.find_all("a")]


def switcher(client, url):
    nav = BeautifulSoup(client.get(url).text, "html.parser").find("nav", class_="language-switcher")
    return [link["hreflang"] for link in nav.find_all("a")] if nav else []


@pytest.fixture
def series():
    return SeriesPageFactory(parent=home_page(), title="Infected Cities", show_in_menus=True)


def test_a_warm_page_reads_neither_menu_nor_translations_from_the_database(client, series):
    about = StandardPageFactory(parent=home_page(), title="About", show_in_menus=True)
    client.get(series.url)

    with CaptureQueriesContext(connection) as captured:
        client.get(about.url)

    conditions = [query["sql"].partition(" WHERE ")[2] for query in captured.captured_queries]
    assert not any("show_in_menus" in condition for condition in conditions)
    assert menu(client, about.url) == ["Infected Cities", "About", "Search"]


def test_a_published_page_joins_the_menu_and_an_unpublished_one_leaves_it(client, series):
    assert menu(client, series.url) == ["Infected Cities", "Search"]

    about = publish(
        StandardPageFactory(parent=home_page(), title="About", show_in_menus=True, live=False)
    )
    assert menu(client, series.url) == ["Infected Cities", "About", "Search"]

    about.unpublish()
    assert menu(client, series.url) == ["Infected Cities", "Search"]


def test_a_moved_page_leaves_the_menu(client, series):
    about = StandardPageFactory(parent=home_page(), title="About", show_in_menus=True)
    assert "About" in menu(client, series.url)

    about.move(series, pos="last-child")

    assert "About" not in menu(client, series.url)


def test_a_new_translation_joins_the_switcher_at_once(client, series):
    assert switcher(client, series.url) == ["en"]  # the others are shown as not translated yet

    greek = series.copy_for_translation(Locale.objects.get(language_code="el"), copy_parents=True)
    publish(greek)

    assert switcher(client, series.url) == ["en", "el"]
