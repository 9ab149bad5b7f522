"""With the page cache off, a warm page is assembled from parts kept under the content
generation and the schedule period (citymakers/content_cache.py, cache_lifetimes.py): at most two
reads of the shared cache per request, and still true at the next episode start, end or content
change, and after the shared cache lost everything.

Athens (series_content) is on 17 Dec 2020, 16:00 to 17:30 Amsterdam time, in English and Greek.
"""

import datetime

import pytest
import time_machine
from django.core.cache import cache, caches

from livecasts.models import EpisodePage
from livecasts.schedule import PROGRAMME_TIME_ZONE

pytestmark = pytest.mark.django_db

ATHENS = "/en/infected-cities/athens/"
PAGES = ["/en/", "/en/infected-cities/", ATHENS, "/el/infected-cities/athens/"]
LIVE = '--live"'  # the class of the broadcast box's status and of a live card


def amsterdam(*args):
    return datetime.datetime(*args, tzinfo=PROGRAMME_TIME_ZONE)


@pytest.fixture
def content(settings, series_content):
    settings.PAGE_CACHE_SECONDS = 0
    return series_content


def shared_cache_reads(monkeypatch):
    """The names of the reads the shared (default) cache answers from now on."""
    default = caches["default"]
    reads = []
    for name in ("get", "get_many", "get_or_set", "has_key"):
        method = getattr(default, name)

        def recording(*args, _name=name, _method=method, **kwargs):
            reads.append(_name)
            return _method(*args, **kwargs)

        monkeypatch.setattr(default, name, recording)
    return reads


@pytest.mark.parametrize("path", PAGES)
def test_a_warm_page_reads_the_shared_cache_at_most_twice(client, content, monkeypatch, path):
    with time_machine.travel(amsterdam(2020, 12, 17, 12, 0), tick=False):
        assert client.get(path).status_code == 200
        reads = shared_cache_reads(monkeypatch)
        assert client.get(path).status_code == 200

    # The content generation, and Wagtail's own list of site roots if a part drawn afresh links
    # to another page; every other part is in the process's memory.
    assert reads in (["get"], ["get", "get"])


def test_what_the_clock_decides_changes_on_every_page_at_the_start_and_end(client, content):
    recording = "https://www.youtube.com/watch?v=aqz-KE-bpKQ"
    EpisodePage.objects.filter(translation_key=content.episodes["athens"].translation_key).update(
        recording_url=recording
    )
    cache.clear()  # the change above sent no signal

    def seen(hour, minute):
        with time_machine.travel(amsterdam(2020, 12, 17, hour, minute), tick=False):
            return {path: client.get(path).text for path in PAGES}

    before, during, after = seen(15, 59), seen(16, 1), seen(17, 31)

    assert not [path for path, text in before.items() if LIVE in text]
    assert "Coming up" in before["/en/"] and "Add to calendar" in before[ATHENS]
    assert not [path for path, text in during.items() if LIVE not in text]
    assert not [path for path, text in after.items() if LIVE in text]
    assert "This episode has taken place." in after[ATHENS]
    assert '"recordedIn"' in after[ATHENS] and '"recordedIn"' not in before[ATHENS]


def test_an_episode_without_time_moves_to_the_past_at_midnight(client, content):
    EpisodePage.objects.filter(translation_key=content.episodes["athens"].translation_key).update(
        start_time=None
    )
    cache.clear()  # the change above sent no signal

    with time_machine.travel(amsterdam(2020, 12, 17, 23, 59), tick=False):
        on_the_day = client.get(ATHENS).text
    with time_machine.travel(amsterdam(2020, 12, 18, 0, 0, 1), tick=False):
        next_day = client.get(ATHENS).text

    assert "Time to be announced" in on_the_day
    assert "Time to be announced" not in next_day and "taken place" in next_day


def test_nothing_kept_in_memory_survives_the_shared_cache_losing_its_data(client, content):
    """A cache server restarted empty starts a new generation, which must not meet what each
    process kept in memory under an earlier one."""
    for path in PAGES:
        client.get(path)
    # A change whose signal the lost cache never heard of, then the loss itself.
    EpisodePage.objects.filter(translation_key=content.episodes["athens"].translation_key).update(
        title="Athens, as it is now"
    )
    cache.clear()

    assert "Athens, as it is now" in client.get(ATHENS).text
    assert "Athens, as it is now" in client.get("/en/infected-cities/").text


def test_a_made_up_page_number_is_not_kept(client, content):
    for number in ("1", "21", "99999", "-3"):
        assert client.get("/en/infected-cities/", {"page": number}).status_code == 200
    memory = caches["content"]._local
    kept = [key for key in memory._cache if ":series-listing:" in key]

    assert len(kept) == 1 and f"series-listing:{content.series.pk}:1@" in kept[0]


def test_a_series_calendar_is_made_once_and_shows_a_moved_episode_at_the_next_refresh(
    client, content
):
    calendar = "/en/infected-cities/calendar.ics"
    morning = datetime.datetime(2026, 12, 3, 9, 0, tzinfo=PROGRAMME_TIME_ZONE)
    with time_machine.travel(morning, tick=False):
        first = client.get(calendar).content
    with time_machine.travel(morning + datetime.timedelta(minutes=7), tick=False):
        # The same file, its DTSTAMP included: made once, not again for a later request.
        assert client.get(calendar).content == first
    assert b"DTSTART;TZID=Europe/Amsterdam:20201217T160000" in first

    athens = EpisodePage.objects.get(
        translation_key=content.episodes["athens"].translation_key, locale__language_code="en"
    )
    athens.start_time = datetime.time(18, 30)
    athens.save_revision().publish()

    moved = client.get(calendar).content
    assert b"DTSTART;TZID=Europe/Amsterdam:20201217T183000" in moved
