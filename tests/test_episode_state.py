"""An episode's state follows the clock: upcoming, live, past, or time to be announced."""

import datetime
import re

import pytest
import time_machine
from django.urls import reverse

from livecasts.schedule import PROGRAMME_TIME_ZONE, EpisodeState
from tests.factories import CityFactory, EpisodePageFactory, SeriesPageFactory, home_page

pytestmark = pytest.mark.django_db


def amsterdam(*args):
    return datetime.datetime(*args, tzinfo=PROGRAMME_TIME_ZONE)


@pytest.fixture
def timed_episode():
    series = SeriesPageFactory(parent=home_page())
    return EpisodePageFactory(
        parent=series,
        date=datetime.date(2020, 12, 10),
        start_time=datetime.time(20, 0),
        duration_minutes=90,
        recording_url="https://www.youtube.com/watch?v=aqz-KE-bpKQ",
        livestream_url="https://vimeo.com/123456789",
    )


@pytest.mark.parametrize(
    ("instant", "state", "visible"),
    [
        (amsterdam(2020, 12, 10, 19, 59), "upcoming", "Add to calendar"),
        (amsterdam(2020, 12, 10, 20, 0), "live", "Live now"),
        (amsterdam(2020, 12, 10, 21, 29), "live", "Live now"),
        (amsterdam(2020, 12, 10, 21, 30), "past", "Watch the recording"),
    ],
)
def test_state_at_fixed_instants(client, timed_episode, instant, state, visible):
    with time_machine.travel(instant, tick=False):
        assert timed_episode.state == state
        response = client.get(timed_episode.url)

    assert response.status_code == 200
    assert visible in response.text


def test_an_episode_without_time_is_upcoming_until_its_day_ends(client):
    series = SeriesPageFactory(parent=home_page())
    episode = EpisodePageFactory(parent=series, date=datetime.date(2021, 1, 14), start_time=None)

    with time_machine.travel(amsterdam(2021, 1, 14, 23, 59), tick=False):
        assert episode.state == "upcoming"
        page = client.get(episode.url).text
    with time_machine.travel(amsterdam(2021, 1, 15, 0, 0), tick=False):
        assert episode.state == "past"

    assert "Time to be announced" in page


def test_a_past_episode_without_recording_says_so(client):
    series = SeriesPageFactory(parent=home_page())
    episode = EpisodePageFactory(parent=series, date=datetime.date(2020, 12, 17))

    with time_machine.travel(amsterdam(2021, 6, 1, 12, 0), tick=False):
        response = client.get(episode.url)

    assert "No recording is available for this episode." in response.text


def test_local_time_is_shown_where_it_differs_from_amsterdam(client, timed_episode):
    timed_episode.city = CityFactory(name="Athens", time_zone="Europe/Athens")
    timed_episode.save()

    with time_machine.travel(amsterdam(2020, 12, 1, 12, 0), tick=False):
        response = client.get(timed_episode.url)

    assert "20:00–21:30 Amsterdam time" in response.text
    assert "21:00 in Athens" in response.text


def admin_listing_row(text, title):
    return re.search(
        rf"<tr[^>]*>(?:(?!</tr>).)*{re.escape(title)}(?:(?!</tr>).)*</tr>", text, re.S
    )[0]


@pytest.mark.parametrize(
    ("instant", "state"),
    [
        (amsterdam(2020, 12, 10, 19, 0), EpisodeState.UPCOMING),
        (amsterdam(2020, 12, 10, 20, 30), EpisodeState.LIVE),
        (amsterdam(2020, 12, 11, 9, 0), EpisodeState.PAST),
    ],
)
def test_page_api_and_admin_agree_on_the_state(client, admin_client, timed_episode, instant, state):
    with time_machine.travel(instant, tick=False):
        page = client.get(timed_episode.url).text
        api = client.get(f"/api/v2/pages/{timed_episode.pk}/").json()
        listing = admin_client.get(reverse("episodes:index")).text

    assert f'<article class="episode episode--{state.value}">' in page
    assert api["schedule"]["state"] == state.value
    assert f"{state.label}" in admin_listing_row(listing, timed_episode.title)
    other_labels = [str(other.label) for other in EpisodeState if other is not state]
    assert not any(
        label in admin_listing_row(listing, timed_episode.title) for label in other_labels
    )
    if not state.is_past:  # a past episode says it has taken place instead
        assert f'<p class="status status--{state.value}">{state.label}</p>' in page
