"""No cached copy outlives the next start or end of an episode: the page cache's entries and the
max-age that browsers and CDNs see end when an episode goes live or ends.

Athens (series_content) is on 17 Dec 2020, 16:00 to 17:30 Amsterdam time, in English and Greek.
"""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.cache import get_max_age

from livecasts.schedule import PROGRAMME_TIME_ZONE
from tests.factories import EpisodePageFactory, publish

pytestmark = pytest.mark.django_db

ATHENS = "/en/infected-cities/athens/"
EVERY_OUTPUT = {
    "episode page": ATHENS,
    "Greek episode page": "/el/infected-cities/athens/",
    "series page": "/en/infected-cities/",
    "home page": "/en/",
    "Greek home page": "/el/",
    "RSS feed": "/en/infected-cities/feed/rss/",
    "Atom feed": "/el/infected-cities/feed/atom/",
    "episode calendar": "/en/infected-cities/athens/calendar.ics",
    "series calendar": "/el/infected-cities/calendar.ics",
    "API listing": "/api/v2/pages/?type=livecasts.EpisodePage&fields=schedule",
    "sitemap": "/sitemap.xml",
}


def amsterdam(*args):
    return datetime.datetime(*args, tzinfo=PROGRAMME_TIME_ZONE)


@pytest.fixture
def content(settings, series_content):
    settings.PAGE_CACHE_SECONDS = 300
    return series_content


def fetch(client, url, instant):
    with time_machine.travel(instant, tick=False):
        response = client.get(url)
    assert response.status_code == 200, url
    return response


def max_age(response):
    assert "public" in response["Cache-Control"], response["Cache-Control"]
    return get_max_age(response)


@pytest.mark.parametrize("url", EVERY_OUTPUT.values(), ids=EVERY_OUTPUT.keys())
def test_thirty_seconds_before_the_start_nothing_is_kept_longer(client, content, url):
    assert max_age(fetch(client, url, amsterdam(2020, 12, 17, 15, 59, 30))) == 30


@pytest.mark.parametrize("url", EVERY_OUTPUT.values(), ids=EVERY_OUTPUT.keys())
def test_during_the_broadcast_nothing_is_kept_past_its_end(client, content, settings, url):
    settings.PAGE_CACHE_SECONDS = 3 * 3600
    expected = 3600 if url == "/sitemap.xml" else 89 * 60  # the sitemap's own hour is shorter

    assert max_age(fetch(client, url, amsterdam(2020, 12, 17, 16, 1))) == expected


@pytest.mark.parametrize("url", EVERY_OUTPUT.values(), ids=EVERY_OUTPUT.keys())
def test_far_from_any_broadcast_the_usual_lifetime_applies(client, content, url):
    expected = 3600 if url == "/sitemap.xml" else 300

    assert max_age(fetch(client, url, amsterdam(2020, 11, 2, 12, 0))) == expected


def test_the_cached_upcoming_page_gives_way_to_live_now_at_the_start(client, content):
    first = fetch(client, ATHENS, amsterdam(2020, 12, 17, 15, 57))
    hit = fetch(client, ATHENS, amsterdam(2020, 12, 17, 15, 59, 30))
    at_start = fetch(client, ATHENS, amsterdam(2020, 12, 17, 16, 0, 1))

    assert max_age(first) == 180 and "Live now" not in first.text
    assert hit["X-Page-Cache"] == "hit"
    assert max_age(hit) == 30  # not the 180 it was stored with
    assert "X-Page-Cache" not in at_start
    assert "Live now" in at_start.text


def test_the_cached_live_page_gives_way_to_the_past_one_at_the_end(client, content):
    live = fetch(client, "/en/infected-cities/", amsterdam(2020, 12, 17, 17, 26))
    at_end = fetch(client, "/en/infected-cities/", amsterdam(2020, 12, 17, 17, 30))

    assert "Live now" in live.text and max_age(live) == 240
    assert "X-Page-Cache" not in at_end
    assert "Live now" not in at_end.text


def test_an_imminent_change_is_not_cached_at_all(client, content):
    instant = amsterdam(2020, 12, 17, 15, 59, 59, 500_000)
    first = fetch(client, ATHENS, instant)
    second = fetch(client, ATHENS, instant)

    assert max_age(first) == 0
    assert "X-Page-Cache" not in second


def test_an_episode_without_time_flips_at_midnight(client, content):
    # Paris, 10 Dec 2020, time to be announced: upcoming all day, past from midnight.
    assert max_age(fetch(client, "/en/", amsterdam(2020, 12, 10, 23, 58))) == 120


def test_a_newly_published_earlier_episode_shortens_the_lifetime_at_once(client, content):
    fetch(client, ATHENS, amsterdam(2020, 12, 17, 15, 0))
    episode = EpisodePageFactory(
        parent=content.series, date=datetime.date(2020, 12, 17), start_time=datetime.time(15, 2)
    )

    with time_machine.travel(amsterdam(2020, 12, 17, 15, 0, 10), tick=False):
        publish(episode)
        response = client.get(ATHENS)

    assert "X-Page-Cache" not in response
    assert max_age(response) == 110


def test_a_cached_page_costs_no_query_even_near_a_broadcast(client, content):
    fetch(client, ATHENS, amsterdam(2020, 12, 17, 15, 50))
    fetch(client, "/api/v2/pages/", amsterdam(2020, 12, 17, 15, 50))

    with time_machine.travel(amsterdam(2020, 12, 17, 15, 52), tick=False):
        with CaptureQueriesContext(connection) as page_hit:
            response = client.get(ATHENS)
        with CaptureQueriesContext(connection) as api_request:
            client.get("/api/v2/pages/")

    assert response["X-Page-Cache"] == "hit" and max_age(response) == 300
    assert len(page_hit) == 0
    assert not any("livecasts_episodepage" in query["sql"] for query in api_request)
