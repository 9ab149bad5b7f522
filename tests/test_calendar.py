"""Calendars: an .ics download per episode and a subscribable calendar per series."""

import datetime
import zoneinfo

import pytest
from icalendar import Calendar

from home.models import HomePage
from livecasts.models import SeriesPage

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")

pytestmark = pytest.mark.django_db


def download(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response, Calendar.from_ical(response.content)


def only_event(calendar):
    (event,) = calendar.events
    return event


def test_episode_download_is_an_attachment_named_after_the_episode(client, series_content):
    response, calendar = download(client, "/en/infected-cities/athens/calendar.ics")

    assert response["Content-Disposition"] == 'attachment; filename="athens-en.ics"'
    assert calendar["VERSION"] == "2.0"
    assert calendar["METHOD"] == "PUBLISH"
    assert "City Makers" in calendar["PRODID"]


def test_timed_episode_starts_at_its_amsterdam_time_with_timezone_data(client, series_content):
    response, calendar = download(client, "/en/infected-cities/athens/calendar.ics")
    event = only_event(calendar)

    assert b"DTSTART;TZID=Europe/Amsterdam:20201217T160000" in response.content
    assert event.start == datetime.datetime(2020, 12, 17, 16, 0, tzinfo=AMSTERDAM)
    assert event.end == datetime.datetime(2020, 12, 17, 17, 30, tzinfo=AMSTERDAM)
    assert [timezone.tz_name for timezone in calendar.timezones] == ["Europe/Amsterdam"]
    assert calendar.get_missing_tzids() == set()


def test_episode_whose_time_is_to_be_announced_is_an_all_day_event(client, series_content):
    response, calendar = download(client, "/en/infected-cities/paris/calendar.ics")
    event = only_event(calendar)

    assert b"DTSTART;VALUE=DATE:20201210" in response.content
    assert b"DTEND;VALUE=DATE:20201211" in response.content
    assert event.start == datetime.date(2020, 12, 10)
    assert not isinstance(event.start, datetime.datetime)
    assert calendar.timezones == []


def test_event_describes_the_episode(client, series_content):
    athens = series_content.episodes["athens"]
    _, calendar = download(client, "/en/infected-cities/athens/calendar.ics")
    event = only_event(calendar)

    assert event["SUMMARY"] == "Infected Cities: Athens"
    assert event["URL"] == "http://localhost/en/infected-cities/athens/"
    assert athens.summary in event["DESCRIPTION"]
    assert "http://localhost/en/infected-cities/athens/" in event["DESCRIPTION"]
    assert event["LOCATION"] == "https://stream.example.org/athens"
    assert event.categories == ["Athens"]
    assert event.DTSTAMP is not None
    assert event.last_modified == athens.last_published_at.replace(microsecond=0)
    assert (event["STATUS"], event["SEQUENCE"]) == ("CONFIRMED", 0)


def test_episode_without_a_livestream_address_is_online(client, series_content):
    _, calendar = download(client, "/en/infected-cities/paris/calendar.ics")

    assert only_event(calendar)["LOCATION"] == "Online"


def test_event_uid_is_stable_across_downloads_and_differs_per_language(client, series_content):
    athens = series_content.episodes["athens"]
    _, first = download(client, "/en/infected-cities/athens/calendar.ics")
    _, second = download(client, "/en/infected-cities/athens/calendar.ics")
    _, greek = download(client, "/el/infected-cities/athens/calendar.ics")

    uid = only_event(first)["UID"]
    assert uid == f"episode-{athens.translation_key}-en@citymakers"
    assert only_event(second)["UID"] == uid
    assert only_event(greek)["UID"] == f"episode-{athens.translation_key}-el@citymakers"


def test_greek_download_speaks_greek_and_links_to_the_greek_page(client, series_content):
    response, calendar = download(client, "/el/infected-cities/athens/calendar.ics")
    event = only_event(calendar)

    assert response["Content-Disposition"] == 'attachment; filename="athens-el.ics"'
    assert event["SUMMARY"] == "Infected Cities: Αθήνα"
    assert event["URL"] == "http://localhost/el/infected-cities/athens/"
    assert "Τι κάνει ο πολιτισμός" in event["DESCRIPTION"]
    assert event.categories == ["Αθήνα"]


def test_series_calendar_is_a_named_subscription_of_every_live_episode(client, series_content):
    series = series_content.series
    response, calendar = download(client, "/en/infected-cities/calendar.ics")

    assert response["Content-Disposition"] == 'inline; filename="infected-cities-en.ics"'
    assert calendar["X-WR-CALNAME"] == "Infected Cities"
    assert calendar["METHOD"] == "PUBLISH"
    assert [event["SUMMARY"] for event in calendar.events] == [
        "Infected Cities: Paris",
        "Infected Cities: Athens",
        "Infected Cities: Warsaw",
    ]
    assert {event["UID"] for event in calendar.events} == {
        f"episode-{episode.translation_key}-en@citymakers"
        for slug, episode in series_content.episodes.items()
        if slug != "madrid"
    }
    assert calendar.uid == f"series-{series.translation_key}-en@citymakers"
    assert calendar.get_missing_tzids() == set()


def test_series_calendar_uses_the_same_uids_as_the_episode_downloads(client, series_content):
    _, series_calendar = download(client, "/en/infected-cities/calendar.ics")
    _, episode_calendar = download(client, "/en/infected-cities/athens/calendar.ics")

    assert only_event(episode_calendar)["UID"] in {e["UID"] for e in series_calendar.events}


def test_greek_series_calendar_lists_the_greek_episodes(client, series_content):
    _, calendar = download(client, "/el/infected-cities/calendar.ics")

    assert [event["SUMMARY"] for event in calendar.events] == [
        "Infected Cities: Παρίσι",
        "Infected Cities: Αθήνα",
    ]
    assert all("/el/infected-cities/" in event["URL"] for event in calendar.events)


@pytest.mark.parametrize(
    "path",
    [
        "/en/infected-cities/calendar.ics/extra",
        "/en/infected-cities/calendar.ics/",
        "/en/infected-cities/athens/calendar.ics/extra",
        "/en/infected-cities/nowhere/calendar.ics",
        "/en/infected-cities/madrid/calendar.ics",
        "/el/infected-cities/warsaw/calendar.ics",
        "/en/calendar.ics",
        "/en/infected-cities/calendar.icsx",
    ],
)
def test_malformed_or_unknown_calendar_urls_end_in_404(client, series_content, path):
    response = client.get(path, follow=True)

    assert response.status_code == 404


def test_pages_with_calendars_still_serve_their_own_page(client, series_content):
    assert client.get("/en/infected-cities/").status_code == 200
    assert client.get("/en/infected-cities/athens/").status_code == 200
    assert client.get("/el/infected-cities/athens/").status_code == 200


def test_series_without_live_episodes_gives_an_empty_calendar(client, db):
    home = HomePage.objects.get(locale__language_code="en", depth=2)
    home.add_child(instance=SeriesPage(title="Quiet Cities", slug="quiet-cities"))

    _, calendar = download(client, "/en/quiet-cities/calendar.ics")

    assert calendar.events == []
    assert calendar["X-WR-CALNAME"] == "Quiet Cities"
