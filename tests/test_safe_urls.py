"""Addresses from content become links only when they cannot run script, on every output.

The render tests put a bad value straight into the database (as a bypassed check would) and
look at what a reader, an API client, a calendar app or a feed reader receives.
"""

import datetime
import json
import re

import feedparser
import pytest
from django.core.exceptions import ValidationError
from icalendar import Calendar

from home.models import HomePage
from livecasts.models import EpisodePage, OrganisationIndexPage, OrganisationPage, Person
from livecasts.safe_urls import neutralise_markup, safe_rich_text_href, safe_web_address

ATTACK = "javascript:window.__pwned=1"
BAD_ADDRESSES = [
    ATTACK,
    "JaVaScRiPt:alert(1)",
    "   javascript:alert(1)",
    "\x01\x02javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "java\r\nscript:alert(1)",
    "javascript&colon;alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;avascript:alert(1)",
    "&#0000106avascript:alert(1)",
    "jav&#x09;ascript:alert(1)",
    "&amp;#106;avascript:alert(1)",
    "\u200bjavascript:alert(1)",
    "vbscript:msgbox(1)",
    "VBScript:msgbox(1)",
    "data:text/html,<script>alert(1)</script>",
    " DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "//evil.example/",
    "\\\\evil.example/",
    "/\\evil.example/",
    "https:evil.example",
    "ftp://files.example.org/",
    "evil.example",
    "/en/relative/",
]
GOOD_WEB = [
    "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
    "http://example.org/page?q=1#top",
    "  HTTPS://Example.org/Path  ",
]
pytestmark = pytest.mark.django_db


# --- the predicate ------------------------------------------------------------------------


@pytest.mark.parametrize("value", BAD_ADDRESSES)
def test_addresses_that_could_run_script_or_leave_http_are_refused(value):
    assert safe_web_address(value) is None
    assert safe_rich_text_href(value) is None


@pytest.mark.parametrize("value", [None, "", "   ", 42])
def test_nothing_is_no_address(value):
    assert safe_web_address(value) is None


@pytest.mark.parametrize("value", GOOD_WEB)
def test_web_addresses_pass_trimmed(value):
    assert safe_web_address(value) == value.strip()


@pytest.mark.parametrize("value", ["mailto:info@example.org", "tel:+31201234567", "#programme"])
def test_rich_text_may_also_link_mail_phone_and_anchors(value):
    assert safe_rich_text_href(value) == value
    assert safe_web_address(value) is None


def test_markup_loses_unsafe_links_handlers_and_scripts_but_keeps_the_rest():
    markup = (
        '<p>Read <a href="https://example.org/a">this</a> and '
        '<a href="java&#x09;script:alert(1)">that</a>'
        '<img src="x" onerror="alert(1)"><script>alert(1)</script></p>'
    )
    cleaned = neutralise_markup(markup)
    assert '<a href="https://example.org/a">this</a>' in cleaned
    assert "<a>that</a>" in cleaned
    assert "script" not in cleaned and "onerror" not in cleaned
    safe = '<p>Plain <a href="https://example.org/">link</a> &amp; text</p>'
    assert neutralise_markup(safe) == safe


# --- what readers and clients receive -----------------------------------------------------


def hrefs(response):
    return re.findall(r'href="([^"]*)"', response.content.decode())


def bad_body():
    return json.dumps(
        [
            {"type": "call_to_action", "value": {"label": "Join us", "page": None, "url": ATTACK}},
            {"type": "paragraph", "value": f'<p>More <a href="{ATTACK}">here</a>.</p>'},
        ]
    )


def plant(page, **fields):
    """Store values in the live page the way a bypassed check would: no validation at all."""
    model = type(page)
    if "body" in fields:
        fields["body"] = model._meta.get_field("body").to_python(fields["body"])
    model.objects.filter(pk=page.pk).update(**fields)


@pytest.fixture
def poisoned_athens(series_content):
    """The Greek Athens episode, upcoming, with a script address in every address field."""
    athens = series_content.episodes_el["athens"]
    upcoming = datetime.date.today() + datetime.timedelta(days=30)
    plant(athens, date=upcoming, livestream_url=ATTACK, recording_url=ATTACK, body=bad_body())
    return EpisodePage.objects.get(pk=athens.pk)


def test_episode_page_shows_no_script_address_as_a_link(client, poisoned_athens):
    response = client.get(poisoned_athens.url)

    assert response.status_code == 200
    page = response.content.decode()
    assert not [href for href in hrefs(response) if "javascript" in href.lower()]
    assert "Livestream page" not in page
    assert "Watch the video" not in page
    assert "Join us" not in page
    assert "More <a>here</a>." in page


def test_past_episode_offers_no_script_recording(client, series_content):
    athens = series_content.episodes_el["athens"]
    plant(athens, recording_url=ATTACK)

    response = client.get(athens.url)

    assert "javascript" not in response.content.decode().lower()


def test_api_gives_null_for_script_addresses(client, poisoned_athens):
    data = client.get(f"/api/v2/pages/{poisoned_athens.pk}/").json()

    assert data["livestream_url"] is None
    assert data["recording_url"] is None
    call_to_action, paragraph = data["body"]  # episode bodies carry no video block
    assert call_to_action["value"]["url"] is None
    assert "javascript" not in paragraph["value"]
    assert "javascript" not in json.dumps(data).lower()


def test_json_ld_and_calendar_fall_back_to_the_page(client, poisoned_athens):
    page = client.get(poisoned_athens.url).content.decode()
    (event,) = Calendar.from_ical(client.get(poisoned_athens.url + "calendar.ics").content).events

    event_ld = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    location = json.loads(event_ld[0])[1]["location"]["url"]
    assert location.endswith(poisoned_athens.url)
    assert str(event["LOCATION"]) != ATTACK
    assert "javascript" not in str(event).lower()


def test_feeds_carry_no_script_address(client, poisoned_athens, series_content):
    for kind in ("rss", "atom"):
        response = client.get(f"{series_content.series_el.url}feed/{kind}/")
        feed = feedparser.parse(response.content)
        assert feed.entries
        assert "javascript" not in response.content.decode().lower()


def test_series_intro_rich_text_link_is_text_on_the_page_and_in_the_api(client, series_content):
    series = series_content.series_el
    plant(series, intro=f'<p>Read <a href="{ATTACK}">the story</a>.</p>')

    page = client.get(series.url).content.decode()
    api = client.get(f"/api/v2/pages/{series.pk}/?fields=intro").json()

    assert "Read <a>the story</a>." in page
    assert "javascript" not in page.lower()
    assert "javascript" not in api["intro"]


def test_organisation_website_is_text_not_a_link(client, db):
    home = HomePage.objects.get(locale__language_code="en", depth=2)
    index = home.add_child(instance=OrganisationIndexPage(title="Organisations", slug="orgs"))
    organisation = OrganisationPage(
        title="Pakhuis", slug="pakhuis", description="A debating centre.", website=""
    )
    index.add_child(instance=organisation)
    plant(organisation, website=ATTACK)

    response = client.get(organisation.url)

    assert "Website of Pakhuis" not in response.content.decode()
    assert not [href for href in hrefs(response) if "javascript" in href.lower()]
    assert "javascript" not in response.content.decode().lower()


# --- refusing at the model: admin forms and wagtail-localize's saves ------------------------


@pytest.mark.parametrize(
    "value, message",
    [
        ("ftp://files.example.org/", "Enter a web address starting with https:// or http://."),
        (ATTACK, "Enter a valid URL."),  # Django's own check comes first; one message, not two
    ],
)
def test_models_refuse_addresses_that_may_not_be_links(series_content, value, message):
    episode = series_content.episodes["athens"]
    episode.livestream_url = value
    with pytest.raises(ValidationError) as refused:
        episode.full_clean()
    assert refused.value.message_dict["livestream_url"] == [message]
    person = Person(name="Ana", website=value, locale=series_content.host.locale)
    with pytest.raises(ValidationError) as refused:
        person.full_clean()
    assert refused.value.message_dict["website"] == [message]
