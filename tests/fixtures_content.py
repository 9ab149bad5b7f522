"""Content for the feed, calendar, sitemap and API tests: one series in English and Greek.

Episodes (Amsterdam time):
- #11 Paris, 10 Dec 2020, time to be announced, no livestream address;
- #12 Athens, 17 Dec 2020 at 16:00, 90 minutes, with a livestream address and a speaker;
- #13 Warsaw, 14 Jan 2021 at 18:30, English only;
- #14 Madrid, a draft that no public output may show.
Paris, Athens and the series itself are translated into Greek (`copy_for_translation` and
publish: these tests are about the outputs, not about how translations are made).
"""

import datetime
from types import SimpleNamespace

import pytest
from wagtail.models import Locale

from livecasts.models import EpisodePage, Person, SeriesPage
from tests.factories import (
    CityFactory,
    EpisodePageFactory,
    EpisodeSpeakerFactory,
    PersonFactory,
    SeriesPageFactory,
    home_page,
    publish,
)
from tests.shared_content import rolled_back_afterwards

SERIES_SLUG = "infected-cities"
STRAP_LINE = "Culture and social impact"
EPISODES = [
    # slug, number, city, country, date, start time, livestream address, live
    ("paris", 11, "Paris", "France", datetime.date(2020, 12, 10), None, "", True),
    (
        "athens",
        12,
        "Athens",
        "Greece",
        datetime.date(2020, 12, 17),
        datetime.time(16, 0),
        "https://stream.example.org/athens",
        True,
    ),
    ("warsaw", 13, "Warsaw", "Poland", datetime.date(2021, 1, 14), datetime.time(18, 30), "", True),
    ("madrid", 14, "Madrid", "Spain", datetime.date(2021, 1, 21), None, "", False),
]
GREEK = {
    "Paris": "Παρίσι",
    "France": "Γαλλία",
    "Athens": "Αθήνα",
    "Greece": "Ελλάδα",
    "Infected Cities: Paris": "Infected Cities: Παρίσι",
    "Infected Cities: Athens": "Infected Cities: Αθήνα",
    "Sample host": "Ενδεικτικός παρουσιαστής",
}


def make_episode(series, slug, number, city, date, start_time, livestream_url, live):
    episode = EpisodePageFactory(
        parent=series,
        title=f"Infected Cities: {city.name}",
        slug=slug,
        number=number,
        city=city,
        date=date,
        start_time=start_time,
        livestream_url=livestream_url,
        summary=f"What culture does for {city.name} (test summary).",
        live=live,
    )
    return publish(episode) if live else episode


def translate_snippet(snippet, locale, **fields):
    translated = snippet.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save()
    return translated


def translate_page(page, locale, **fields):
    translated = page.specific.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save()
    return publish(translated)


def build_english():
    series = SeriesPageFactory(
        parent=home_page(), title="Infected Cities", slug=SERIES_SLUG, strap_line=STRAP_LINE
    )
    series = publish(series)
    episodes = {}
    for slug, number, city_name, country, *schedule in EPISODES:
        city = CityFactory(name=city_name, country=country, time_zone="Europe/Amsterdam")
        episodes[slug] = make_episode(series, slug, number, city, *schedule)
    host = PersonFactory(name="Sample host", profession="")
    EpisodeSpeakerFactory(page=episodes["athens"], person=host, role="Host")
    return series, episodes, host


def build_greek(series, episodes, host):
    greek = Locale.objects.get(language_code="el")
    for slug in ("paris", "athens"):
        city = episodes[slug].city
        translate_snippet(city, greek, name=GREEK[city.name], country=GREEK[city.country])
    translate_snippet(host, greek, name=GREEK[host.name])
    series_el = translate_page(series, greek, strap_line="Πολιτισμός και κοινωνικός αντίκτυπος")
    episodes_el = {
        slug: translate_page(
            episodes[slug],
            greek,
            title=GREEK[episodes[slug].title],
            summary=f"Τι κάνει ο πολιτισμός για την πόλη ({slug}).",
        )
        for slug in ("paris", "athens")
    }
    return series_el, episodes_el


@pytest.fixture(scope="module")
def series_tree(django_db_setup, django_db_blocker):
    """The series built once for the test module: the primary keys of its pages and snippets."""
    with rolled_back_afterwards(django_db_blocker):
        series, episodes, host = build_english()
        series_el, episodes_el = build_greek(series, episodes, host)
        yield SimpleNamespace(
            series=series.pk,
            episodes={slug: page.pk for slug, page in episodes.items()},
            series_el=series_el.pk,
            episodes_el={slug: page.pk for slug, page in episodes_el.items()},
            host=host.pk,
        )


@pytest.fixture
def series_content(series_tree, db):
    """The series with its episodes in English (`en`) and Greek (`el`), as live pages.

    Fresh instances for each test: what one test changes, the next does not see.
    """
    return SimpleNamespace(
        series=SeriesPage.objects.get(pk=series_tree.series),
        episodes=episodes_by_slug(series_tree.episodes),
        series_el=SeriesPage.objects.get(pk=series_tree.series_el),
        episodes_el=episodes_by_slug(series_tree.episodes_el),
        host=Person.objects.get(pk=series_tree.host),
    )


def episodes_by_slug(primary_keys):
    return {slug: EpisodePage.objects.get(pk=pk) for slug, pk in primary_keys.items()}
