"""RSS and Atom feeds of a series, one per language, read as a feed reader would."""

import feedparser
import pytest
import time_machine

from home.models import HomePage
from livecasts.models import SeriesPage

pytestmark = pytest.mark.django_db

ENGLISH_TITLES = ["Infected Cities: Warsaw", "Infected Cities: Athens", "Infected Cities: Paris"]


def read_feed(client, url, content_type):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == content_type
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def read_rss(client, language="en"):
    url = f"/{language}/infected-cities/feed/rss/"
    return read_feed(client, url, "application/rss+xml; charset=utf-8")


def read_atom(client, language="en"):
    url = f"/{language}/infected-cities/feed/atom/"
    return read_feed(client, url, "application/atom+xml; charset=utf-8")


def test_rss_feed_describes_the_series(client, series_content):
    feed = read_rss(client)

    assert feed.version == "rss20"
    assert feed.feed.title == "Infected Cities"
    assert feed.feed.link == "http://localhost/en/infected-cities/"
    assert feed.feed.description == "Culture and social impact"
    assert feed.feed.language == "en"


def test_rss_feed_lists_live_episodes_newest_first(client, series_content):
    feed = read_rss(client)

    assert [entry.title for entry in feed.entries] == ENGLISH_TITLES
    assert [entry.link for entry in feed.entries] == [
        "http://localhost/en/infected-cities/warsaw/",
        "http://localhost/en/infected-cities/athens/",
        "http://localhost/en/infected-cities/paris/",
    ]


def test_rss_item_says_when_the_broadcast_is_and_carries_summary_id_and_city(
    client, series_content
):
    athens = series_content.episodes["athens"]
    entry = read_rss(client).entries[1]

    assert entry.summary == (
        f"Thursday 17 December 2020 · 16:00–17:30 Amsterdam time\n\n{athens.summary}"
    )
    assert entry.id == "http://localhost/en/infected-cities/athens/"
    assert [tag.term for tag in entry.tags] == ["Athens"]
    # Dated by the broadcast (16:00 in Amsterdam is 15:00 UTC), not by CMS publication.
    assert entry.published_parsed[:6] == (2020, 12, 17, 15, 0, 0)


def test_item_whose_time_is_to_be_announced_says_so_in_the_feed_language(client, series_content):
    with time_machine.travel("2020-12-01 12:00 +0100", tick=False):
        (paris,) = [entry for entry in read_rss(client).entries if entry.title.endswith("Paris")]
        (greek,) = [entry for entry in read_rss(client, "el").entries if "Παρίσι" in entry.title]

    assert paris.summary.startswith("Thursday 10 December 2020 · Time to be announced\n\n")
    assert greek.summary.startswith("Πέμπτη 10 Δεκεμβρίου 2020 · Η ώρα θα ανακοινωθεί\n\n")
    assert paris.published_parsed[:6] == (2020, 12, 9, 23, 0, 0)  # midnight in Amsterdam


def test_item_that_has_taken_place_gives_its_date_and_never_to_be_announced(client, series_content):
    with time_machine.travel("2020-12-11 09:00 +0100", tick=False):
        (paris,) = [entry for entry in read_rss(client).entries if entry.title.endswith("Paris")]

    assert paris.summary.startswith("Thursday 10 December 2020\n\n")
    assert "announced" not in paris.summary


def test_atom_entries_are_updated_when_last_published(client, series_content):
    warsaw = series_content.episodes["warsaw"]
    entry = read_atom(client).entries[0]

    assert entry.updated_parsed[:6] == warsaw.last_published_at.utctimetuple()[:6]
    assert entry.published_parsed[:6] == (2021, 1, 14, 17, 30, 0)


def test_atom_feed_describes_the_series_and_its_episodes(client, series_content):
    feed = read_atom(client)

    assert feed.version == "atom10"
    assert feed.feed.title == "Infected Cities"
    assert feed.feed.link == "http://localhost/en/infected-cities/"
    assert feed.feed.subtitle == "Culture and social impact"
    assert feed.feed.language == "en"
    assert [entry.title for entry in feed.entries] == ENGLISH_TITLES
    assert feed.entries[0].link == "http://localhost/en/infected-cities/warsaw/"
    assert feed.entries[0].id == "http://localhost/en/infected-cities/warsaw/"
    assert [tag.term for tag in feed.entries[0].tags] == ["Warsaw"]


def test_feeds_point_at_themselves(client, series_content):
    rss = read_rss(client)
    atom = read_atom(client)

    rss_self = [link.href for link in rss.feed.links if link.rel == "self"]
    atom_self = [link.href for link in atom.feed.links if link.rel == "self"]
    assert rss_self == ["http://localhost/en/infected-cities/feed/rss/"]
    assert atom_self == ["http://localhost/en/infected-cities/feed/atom/"]


@pytest.mark.parametrize("reader", [read_rss, read_atom])
def test_greek_feed_has_greek_titles_links_and_language(client, series_content, reader):
    feed = reader(client, "el")

    assert feed.feed.language == "el"
    assert feed.feed.link == "http://localhost/el/infected-cities/"
    assert [entry.title for entry in feed.entries] == [
        "Infected Cities: Αθήνα",
        "Infected Cities: Παρίσι",
    ]
    assert all(entry.link.startswith("http://localhost/el/") for entry in feed.entries)
    assert [tag.term for tag in feed.entries[0].tags] == ["Αθήνα"]


def test_draft_episodes_stay_out_of_the_feeds(client, series_content):
    titles = [entry.title for entry in read_rss(client).entries]

    assert "Infected Cities: Madrid" not in titles


@pytest.mark.parametrize(
    "path",
    [
        "/en/infected-cities/feed/xyz/",
        "/en/infected-cities/feed/",
        "/en/infected-cities/feed/rss/extra/",
        "/en/infected-cities/feed/atom/rss/",
        "/en/infected-cities/athens/feed/rss/",
        "/pl/infected-cities/feed/rss/",
    ],
)
def test_malformed_or_unknown_feed_urls_end_in_404(client, series_content, path):
    response = client.get(path, follow=True)

    assert response.status_code == 404


def test_feed_url_without_its_trailing_slash_redirects_to_the_feed(client, series_content):
    response = client.get("/en/infected-cities/feed/rss")

    assert response.status_code == 301
    assert response["Location"] == "/en/infected-cities/feed/rss/"


def test_series_without_live_episodes_gives_an_empty_feed(client, db):
    home = HomePage.objects.get(locale__language_code="en", depth=2)
    home.add_child(instance=SeriesPage(title="Quiet Cities", slug="quiet-cities"))

    feed = read_feed(client, "/en/quiet-cities/feed/rss/", "application/rss+xml; charset=utf-8")

    assert feed.entries == []
    assert feed.feed.description == "Episodes of Quiet Cities"
