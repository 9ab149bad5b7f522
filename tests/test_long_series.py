"""A long-running series: its feeds and calendar keep to the latest broadcasts and cost the
same number of queries however many episodes it has."""

import datetime

import feedparser
import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from icalendar import Calendar

from livecasts import calendar, feeds
from livecasts.models import EpisodePage
from livecasts.schedule import PROGRAMME_TIME_ZONE
from tests.factories import CityFactory, EpisodePageFactory, SeriesPageFactory, home_page

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2021, 6, 1, 12, 0, tzinfo=PROGRAMME_TIME_ZONE)
KEPT = 4  # feed items and past calendar events, made small for the test


@pytest.fixture
def series(monkeypatch):
    monkeypatch.setattr(feeds, "FEED_ITEMS", KEPT)
    monkeypatch.setattr(calendar, "CALENDAR_PAST_EPISODES", KEPT)
    return SeriesPageFactory(parent=home_page(), slug="long-series")


def add_episodes(series, numbers, first_date):
    for number in numbers:
        EpisodePageFactory(
            parent=series,
            number=number,
            title=f"Episode {number}",
            date=first_date + datetime.timedelta(days=7 * (number - numbers[0])),
            start_time=datetime.time(19, 0),
        )
    EpisodePage.objects.update(city=CityFactory(name="Lisbon"))


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response


@time_machine.travel(NOW, tick=False)
def test_feeds_hold_the_latest_broadcasts_newest_first(client, series):
    add_episodes(series, range(1, 11), datetime.date(2021, 4, 1))  # 1-9 past, 10 on 3 June

    for route in ("feed/rss/", "feed/atom/"):
        feed = feedparser.parse(client.get(series.url + route).content)
        assert [entry.title for entry in feed.entries] == [f"Episode {n}" for n in (10, 9, 8, 7)]
        assert feed.entries[0].tags[0].term == "Lisbon"


@time_machine.travel(NOW, tick=False)
def test_the_calendar_holds_every_coming_episode_and_the_latest_past_ones(client, series):
    add_episodes(series, range(1, 13), datetime.date(2021, 4, 1))  # 1-9 past, 10-12 to come

    events = Calendar.from_ical(client.get(series.url + "calendar.ics").content).events

    assert [event["SUMMARY"] for event in events] == [f"Episode {n}" for n in range(6, 13)]
    assert {event.categories[0] for event in events} == {"Lisbon"}


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize("route", ["", "feed/rss/", "feed/atom/", "calendar.ics"])
def test_a_longer_series_costs_no_more_queries(client, series, route):
    add_episodes(series, range(1, 4), datetime.date(2021, 5, 1))
    queries(client, series.url + route)  # warm caches (site root paths)
    few, _ = queries(client, series.url + route)

    add_episodes(series, range(4, 30), datetime.date(2020, 1, 1))
    queries(client, series.url + route)  # the new city emptied the cache
    many, _ = queries(client, series.url + route)

    assert many == few
