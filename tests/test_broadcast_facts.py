"""One truth about every broadcast: an English fact change reaches every language at once.

The editor publishes the English episode through the page editor; the Greek page, calendar,
feed and API follow in the same moment while the Greek words stay the translator's."""

import datetime
import json
import re

import feedparser
import pytest
import time_machine
from django.urls import reverse
from icalendar import Calendar
from wagtail.test.utils.form_data import rich_text, streamfield
from wagtail_localize.models import OverridableSegment, Translation, TranslationSource

from livecasts.models import City, EpisodePage
from livecasts.schedule import PROGRAMME_TIME_ZONE
from tests.admin_forms import episode_edit_form
from tests.translation_fixtures import (
    fill,
    locale,
    publish_translation,
    start_translation,
)

pytestmark = pytest.mark.django_db

BEFORE = datetime.datetime(2021, 1, 1, 12, 0, tzinfo=PROGRAMME_TIME_ZONE)
STREAM = "https://stream.example.org/warsaw"
GREEK_PAGE = "/el/infected-cities/warsaw/"


def english_form(episode, **changes):
    """The page editor's form for `episode` as it stands, with `changes`."""
    return episode_edit_form(episode, **{"body": body_form(episode), **changes})


def body_form(episode):
    """The body as the editor posts it back: same blocks, same block ids."""
    blocks = episode.body.raw_data
    form = streamfield([("paragraph", rich_text(block["value"])) for block in blocks])
    for index, block in enumerate(blocks):
        form[str(index)]["id"] = block["id"]
    return form


def publish_english(client, user, episode, **changes):
    client.force_login(user)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[episode.pk]), english_form(episode, **changes)
    )
    client.logout()
    assert response.status_code == 302, response.context["form"].errors
    return EpisodePage.objects.get(pk=episode.pk)


def greek_episode(tree):
    return tree["episode"].get_translation(locale("el"))


def only_event(client, url):
    response = client.get(url)
    assert response.status_code == 200
    (event,) = Calendar.from_ical(response.content).events
    return event


def feed_entry(client, language, title_part):
    feed = feedparser.parse(client.get(f"/{language}/infected-cities/feed/rss/").content)
    (entry,) = [entry for entry in feed.entries if title_part in entry.title]
    return entry


def event_json_ld(client, url):
    text = client.get(url).text
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
    items = [item for block in blocks for item in json.loads(block)]
    (event,) = [item for item in items if item["@type"] == "Event"]
    return event


def history(client, user, page):
    client.force_login(user)
    text = client.get(reverse("wagtailadmin_pages:history", args=[page.pk])).text
    client.logout()
    return text


@time_machine.travel(BEFORE, tick=False)
def test_english_time_and_livestream_reach_greek_page_calendar_feed_and_api_at_once(
    client, admin_user, editor, translated_tree
):
    greek_before = greek_episode(translated_tree)
    assert "Η ώρα θα ανακοινωθεί" in client.get(GREEK_PAGE).text  # "time to be announced"

    publish_english(
        client, editor, translated_tree["episode"], start_time="18:30", livestream_url=STREAM
    )

    page = client.get(GREEK_PAGE).text
    assert "Η ώρα θα ανακοινωθεί" not in page
    assert "18:30–20:00" in page
    assert f'href="{STREAM}"' in page
    event = only_event(client, f"{GREEK_PAGE}calendar.ics")
    assert event.start == datetime.datetime(2021, 1, 14, 18, 30, tzinfo=PROGRAMME_TIME_ZONE)
    assert str(event["LOCATION"]) == STREAM
    assert str(event["SUMMARY"]) == "[el] Warsaw"
    assert "18:30" in feed_entry(client, "el", "Warsaw").summary
    api = client.get(f"/api/v2/pages/{greek_before.pk}/").json()
    assert (api["start_time"], api["livestream_url"], api["status"]) == (
        "18:30:00",
        STREAM,
        "scheduled",
    )
    greek = greek_episode(translated_tree)
    assert (greek.title, greek.summary) == (greek_before.title, greek_before.summary)
    assert "Broadcast facts updated from English" in history(client, admin_user, greek)


def greek_status(client, user):
    client.force_login(user)
    response = client.get(
        reverse("translation_workflow:status_report"), {"locale": "el", "export": "csv"}
    )
    client.logout()
    lines = b"".join(response.streaming_content).decode().splitlines()
    return next(line for line in lines if line.startswith("Warsaw,")).split(",")[4]


def sync(client, user, episode):
    """The editor's 'Sync translated pages', with 'Publish immediately' left off."""
    source = TranslationSource.objects.get_for_instance(episode)
    client.force_login(user)
    response = client.post(reverse("wagtail_localize:update_translations", args=[source.pk]))
    client.logout()
    assert response.status_code == 302


def greek_translation(tree):
    """The Greek Translation as the translator's next request loads it."""
    return Translation.objects.get(pk=tree["el"].pk)


@time_machine.travel(BEFORE)  # the clock runs: "published since the last sync" is compared
def test_greek_status_stays_translated_after_a_fact_change(
    client, editor, translated_tree, django_capture_on_commit_callbacks
):
    # The page editor's first save rewrites the body's markup: sync and publish that first.
    episode = publish_english(client, editor, translated_tree["episode"])
    sync(client, editor, episode)
    publish_translation(greek_translation(translated_tree), django_capture_on_commit_callbacks)
    assert greek_status(client, editor) == "Translated"

    publish_english(client, editor, episode, start_time="18:30", livestream_url=STREAM)

    assert greek_status(client, editor) == "Translated"


@time_machine.travel(BEFORE, tick=False)
def test_a_new_city_reaches_greek_in_its_greek_name(client, editor, translated_tree):
    krakow = City.objects.create(name="Krakow", country="Poland", locale=locale("en"))
    greek_krakow = krakow.copy_for_translation(locale("el"))
    greek_krakow.name, greek_krakow.country = "Κρακοβία", "Πολωνία"
    greek_krakow.save()

    publish_english(client, editor, translated_tree["episode"], city=krakow.pk)

    assert "Κρακοβία, Πολωνία" in client.get(GREEK_PAGE).text
    assert greek_episode(translated_tree).city_id == greek_krakow.pk


@time_machine.travel(BEFORE, tick=False)
def test_a_greek_draft_gets_the_facts_and_keeps_its_text_pending(
    client, admin_user, editor, translated_tree, django_capture_on_commit_callbacks
):
    draft = greek_episode(translated_tree).get_latest_revision_as_object()
    draft.summary = "[el draft] Unpublished words."
    draft.save_revision()

    publish_english(client, editor, translated_tree["episode"], start_time="18:30")

    greek = greek_episode(translated_tree)
    assert (greek.summary, greek.start_time) == ("[el] The Warsaw edition.", datetime.time(18, 30))
    page = client.get(GREEK_PAGE).text
    assert "18:30–20:00" in page
    assert "[el draft]" not in page
    assert greek.has_unpublished_changes
    draft = greek.get_latest_revision_as_object()
    assert (draft.summary, draft.start_time) == (
        "[el draft] Unpublished words.",
        datetime.time(18, 30),
    )
    assert "Broadcast facts updated from English in the draft" in history(client, admin_user, greek)

    publish_translation(
        greek_translation(translated_tree), django_capture_on_commit_callbacks
    )  # translator

    assert greek_episode(translated_tree).start_time == datetime.time(18, 30)


@time_machine.travel(BEFORE, tick=False)
def test_a_translation_never_published_gets_the_facts_in_its_draft(
    client, editor, translated_tree, django_capture_on_commit_callbacks
):
    series_es = start_translation(translated_tree["series"], "es")
    fill(series_es)
    publish_translation(series_es, django_capture_on_commit_callbacks)
    start_translation(translated_tree["episode"], "es")

    publish_english(client, editor, translated_tree["episode"], start_time="18:30")

    spanish = translated_tree["episode"].get_translation(locale("es"))
    assert not spanish.live
    assert spanish.get_latest_revision_as_object().start_time == datetime.time(18, 30)
    assert client.get("/es/infected-cities/warsaw/").status_code == 404


@time_machine.travel(BEFORE, tick=False)
def test_translators_cannot_override_the_addresses_and_their_publish_keeps_them(
    client, editor, translated_tree, django_capture_on_commit_callbacks
):
    episode = publish_english(client, editor, translated_tree["episode"], livestream_url=STREAM)
    sync(client, editor, episode)
    source = TranslationSource.objects.get_for_instance(episode)

    paths = set(OverridableSegment.objects.filter(source=source).values_list("context__path"))
    assert ("livestream_url",) not in paths
    publish_translation(greek_translation(translated_tree), django_capture_on_commit_callbacks)
    assert greek_episode(translated_tree).livestream_url == STREAM


@time_machine.travel(BEFORE, tick=False)
def test_a_cancelled_episode_is_cancelled_everywhere_with_a_raised_sequence(
    client, editor, translated_tree
):
    episode = publish_english(
        client, editor, translated_tree["episode"], start_time="18:30", livestream_url=STREAM
    )
    sequence = only_event(client, "/en/infected-cities/warsaw/calendar.ics")["SEQUENCE"]

    publish_english(client, editor, episode, start_time="18:30", status="cancelled")

    page = client.get("/en/infected-cities/warsaw/").text
    assert "This episode has been cancelled." in page
    assert STREAM not in page
    assert event_json_ld(client, "/en/infected-cities/warsaw/")["eventStatus"] == (
        "https://schema.org/EventCancelled"
    )
    for language in ("en", "el"):
        event = only_event(client, f"/{language}/infected-cities/warsaw/calendar.ics")
        assert (event["STATUS"], event["SEQUENCE"]) == ("CANCELLED", sequence + 1)
    assert feed_entry(client, "en", "Warsaw").title == "Cancelled: Warsaw"
    assert "Ακυρώθηκε" in client.get(GREEK_PAGE).text
    assert "Ακυρώθηκε" in client.get("/el/infected-cities/").text  # the episode card


@time_machine.travel(BEFORE, tick=False)
def test_a_cancelled_episode_is_never_live(client, editor, translated_tree):
    episode = translated_tree["episode"]
    publish_english(client, editor, episode, start_time="18:30", livestream_url=STREAM)
    publish_english(client, editor, episode, start_time="18:30", status="cancelled")

    with time_machine.travel(datetime.datetime(2021, 1, 14, 18, 45, tzinfo=PROGRAMME_TIME_ZONE)):
        page = client.get("/en/infected-cities/warsaw/").text
        api = client.get(f"/api/v2/pages/{episode.pk}/").json()

    assert "Live now" not in page
    assert api["schedule"]["state"] == "upcoming"
    assert api["status"] == "cancelled"


@time_machine.travel(BEFORE, tick=False)
def test_sequence_stays_when_only_text_changes(client, admin_user, editor, translated_tree):
    episode = publish_english(client, editor, translated_tree["episode"], start_time="18:30")
    before = only_event(client, "/en/infected-cities/warsaw/calendar.ics")["SEQUENCE"]
    greek_revision = greek_episode(translated_tree).live_revision_id

    publish_english(client, editor, episode, start_time="18:30", summary="New words only.")

    assert only_event(client, "/en/infected-cities/warsaw/calendar.ics")["SEQUENCE"] == before
    assert greek_episode(translated_tree).live_revision_id == greek_revision


@time_machine.travel(BEFORE, tick=False)
def test_a_moved_episode_is_rescheduled_with_its_previous_start(client, editor, translated_tree):
    publish_english(
        client,
        editor,
        translated_tree["episode"],
        date="2021-01-21",
        start_time="18:30",
        status="moved",
        previous_date="2021-01-14",
        previous_start_time="18:00",
    )

    event = event_json_ld(client, "/en/infected-cities/warsaw/")
    assert event["eventStatus"] == "https://schema.org/EventRescheduled"
    assert event["previousStartDate"] == "2021-01-14T18:00:00+01:00"
    assert event["startDate"] == "2021-01-21T18:30:00+01:00"
    greek = event_json_ld(client, GREEK_PAGE)
    assert (greek["eventStatus"], greek["previousStartDate"]) == (
        event["eventStatus"],
        event["previousStartDate"],
    )
    assert (
        "It was planned for Thursday 14 January 2021 at 18:00"
        in client.get("/en/infected-cities/warsaw/").text
    )


def test_a_move_without_the_previous_date_is_refused(client, editor, translated_tree):
    episode = translated_tree["episode"]
    client.force_login(editor)

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[episode.pk]),
        english_form(episode, date="2021-01-21", status="moved"),
    )

    assert response.status_code == 200
    assert "Give the date the episode was planned for before the move." in response.text
    assert EpisodePage.objects.get(pk=episode.pk).status == "scheduled"


def test_series_page_offers_a_calendar_subscription_and_a_download(client, translated_tree):
    text = client.get("/el/infected-cities/").text

    assert 'href="webcal://localhost/el/infected-cities/calendar.ics"' in text
    assert 'href="/el/infected-cities/calendar.ics" download' in text
