"""An episode page tells one story: when it took place, its recording, its speakers and its
hero image, each once, in every language."""

import datetime
import json
import re

import pytest
from django.urls import reverse
from django.utils import translation

from livecasts.models import EpisodeSpeaker
from tests.factories import (
    EpisodePageFactory,
    ImageFactory,
    PersonFactory,
    SeriesPageFactory,
    add_speakers,
    home_page,
    publish,
)

pytestmark = pytest.mark.django_db

RECORDING = "https://www.youtube.com/watch?v=aqz-KE-bpKQ"


def json_ld(text):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
    return [item for block in blocks for item in json.loads(block)]


@pytest.fixture
def series():
    return SeriesPageFactory(parent=home_page())


@pytest.mark.parametrize(("language", "path"), [("en", "/en/"), ("el", "/el/")])
def test_a_past_episode_without_a_time_says_it_took_place(client, series_content, language, path):
    """Paris (10 Dec 2020) never had its time announced; now it has taken place."""
    text = client.get(f"{path}infected-cities/paris/").text

    with translation.override(language):
        assert translation.gettext("This episode has taken place.") in text
        assert translation.gettext("Time to be announced") not in text
    assert "to be announced" not in text.lower()
    assert '<time datetime="2020-12-10">' in text


def test_the_dashboard_does_not_announce_a_time_for_a_past_episode(admin_client, series):
    EpisodePageFactory(parent=series, title="Infected Cities: Lisbon", start_time=None)

    text = admin_client.get(reverse("wagtailadmin_home")).text

    assert "Infected Cities: Lisbon" in text
    assert "time to be announced" not in text


def test_a_recorded_past_episode_shows_the_player_once(client, series):
    episode = EpisodePageFactory(parent=series, recording_url=RECORDING)

    text = client.get(episode.url).text

    assert text.count("data-player-url=") == 1
    assert "Watch the recording" in text
    assert "No recording is available" not in text
    event = next(item for item in json_ld(text) if item["@type"] == "Event")
    assert event["recordedIn"] == {"@type": "VideoObject", "name": episode.title, "url": RECORDING}


def test_the_api_gives_the_recording_from_its_field_and_no_video_in_the_body(client, series):
    episode = EpisodePageFactory(parent=series, recording_url=RECORDING)

    data = client.get(f"/api/v2/pages/{episode.pk}/").json()

    assert data["recording_url"] == RECORDING
    assert all(block["type"] != "video" for block in data["body"])


def test_an_unrecorded_past_episode_says_so_and_offers_no_recording(client, series):
    episode = EpisodePageFactory(parent=series)

    text = client.get(episode.url).text

    assert "No recording is available for this episode." in text
    assert "data-player-url=" not in text
    assert "recordedIn" not in text


def test_speakers_appear_once_even_if_a_body_was_given_a_speaker_list(client, series):
    """The episode body has no speaker-list block any more: only the Speakers inline shows."""
    guest = PersonFactory(name="Sample Ada")
    body = [
        {"type": "speakers", "value": {"heading": "Guests", "people": [guest.pk]}},
        {"type": "paragraph", "value": "<p>About the city.</p>"},
    ]
    episode = EpisodePageFactory(parent=series, body=body)
    EpisodeSpeaker.objects.create(page=episode, person=guest, role="Guest")
    episode = publish(episode)  # as the editor does: the speaker shows from the publish on

    text = client.get(episode.url).text

    assert text.count('<p class="person__name"><span>Sample Ada<') == 1
    assert "About the city." in text


def test_the_hero_image_is_at_the_top_with_responsive_renditions(client, series):
    image = ImageFactory(title="Paris at night", file__width=800, file__height=450)
    episode = EpisodePageFactory(parent=series, hero_image=image, recording_url=RECORDING)
    add_speakers(episode, 1)

    text = client.get(episode.url).text

    hero = re.search(r'<figure class="hero-image">(.*?)</figure>', text, re.S)
    assert hero, "no hero image on the episode page"
    assert text.index('class="hero-image"') < text.index('class="broadcast"')
    assert 'type="image/webp"' in hero.group(1)
    img = re.search(r"<img [^>]+>", hero.group(1)).group(0)
    assert re.search(r'\bwidth="\d+"', img) and re.search(r'\bheight="\d+"', img)
    assert 'alt=""' in img and ".jpg" in img
    assert 'class="video__poster"' not in text  # the player below does not repeat it


def episode_links(text):
    """{rel: (path, title)} of the links to the previous and next episode."""
    nav = re.search(r'<nav class="episode-nav".*?</nav>', text, re.S)[0]
    found = re.findall(r'<a rel="(prev|next)" href="([^"]+)"><span>[^<]*</span> ([^<]+)</a>', nav)
    return {rel: (path, title) for rel, path, title in found}


def test_episodes_link_to_their_neighbours_in_broadcast_order(client, series):
    """Tree order is not broadcast order (translated trees keep translation order), and a
    draft is nobody's neighbour."""
    second = EpisodePageFactory(parent=series, title="Athens", date=datetime.date(2020, 12, 17))
    first = EpisodePageFactory(parent=series, title="Paris", date=datetime.date(2020, 12, 10))
    EpisodePageFactory(parent=series, title="Draft", date=datetime.date(2020, 12, 12), live=False)
    third = EpisodePageFactory(parent=series, title="Warsaw", date=datetime.date(2021, 1, 14))

    assert episode_links(client.get(first.url).text) == {"next": (second.url, "Athens")}
    assert episode_links(client.get(second.url).text) == {
        "prev": (first.url, "Paris"),
        "next": (third.url, "Warsaw"),
    }
    assert episode_links(client.get(third.url).text) == {"prev": (second.url, "Athens")}


def test_neighbours_follow_the_series_order_on_a_crowded_day(series):
    """Two episodes at the same time, one to be announced, one earlier that day: each
    episode's neighbours are the ones beside it in the series listing."""
    day = datetime.date(2021, 3, 1)
    for number, start in [(5, "18:00"), (3, None), (4, "18:00"), (2, "09:30"), (1, None)]:
        EpisodePageFactory(
            parent=series,
            title=f"Episode {number}",
            number=number,
            date=day,
            start_time=datetime.time.fromisoformat(start) if start else None,
        )
    EpisodePageFactory(parent=series, title="Earlier", date=datetime.date(2021, 2, 1))
    listing = list(series.episodes())

    assert [episode.title for episode in listing] == [
        "Earlier",
        *(f"Episode {n}" for n in (1, 3, 2, 4, 5)),
    ]
    for position, episode in enumerate(listing):
        before = listing[position - 1] if position else None
        after = listing[position + 1] if position + 1 < len(listing) else None
        assert episode.neighbours() == (before, after), episode.title
