"""Page addresses are resolved from the tree once per content change (citymakers/routing.py),
and every change to the tree shows at the very next request."""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    EpisodePageFactory,
    SeriesPageFactory,
    StandardPageFactory,
    home_page,
    publish,
)
from tests.translation_fixtures import fill, publish_translation, start_translation

pytestmark = pytest.mark.django_db


@pytest.fixture
def series():
    return SeriesPageFactory(parent=home_page(), title="Infected Cities", slug="infected-cities")


@pytest.fixture
def episode(series):
    return EpisodePageFactory(parent=series, title="Athens", slug="athens")


def test_a_warm_address_is_not_walked_through_the_tree(client, episode):
    assert client.get("/en/infected-cities/athens/").status_code == 200

    with CaptureQueriesContext(connection) as captured:
        assert client.get("/en/infected-cities/athens/").status_code == 200

    tables = " ".join(query["sql"] for query in captured.captured_queries)
    assert "wagtailcore_site" not in tables
    assert '"slug" = ' not in tables


def test_a_new_slug_moves_the_address_at_the_next_request(client, episode):
    assert client.get("/en/infected-cities/athens/").status_code == 200

    episode.slug = "athens-2020"
    publish(episode)

    assert client.get("/en/infected-cities/athens/").status_code == 404
    response = client.get("/en/infected-cities/athens-2020/")
    assert response.status_code == 200
    assert "Athens" in response.text


def test_an_unpublished_page_is_gone_at_the_next_request(client, episode):
    assert client.get("/en/infected-cities/athens/").status_code == 200

    episode.unpublish()

    assert client.get("/en/infected-cities/athens/").status_code == 404


def test_a_moved_page_answers_at_its_new_address(client, series):
    about = StandardPageFactory(parent=home_page(), title="About us", slug="about")
    assert client.get("/en/about/").status_code == 200

    about.move(series, pos="last-child")

    old_address = client.get("/en/about/")
    assert old_address.status_code == 301  # Wagtail's redirect on a move
    assert old_address["Location"] == "/en/infected-cities/about/"
    assert "About us" in client.get("/en/infected-cities/about/").text


def test_a_series_own_routes_follow_a_remembered_page(client, series):
    assert client.get("/en/infected-cities/").status_code == 200

    assert client.get("/en/infected-cities/feed/rss/")["Content-Type"].startswith(
        "application/rss+xml"
    )
    assert client.get("/en/infected-cities/calendar.ics")["Content-Type"].startswith(
        "text/calendar"
    )
    assert client.get("/en/infected-cities/feed/nothing/").status_code == 404


def test_addresses_that_lead_nowhere_are_not_remembered(client, series, monkeypatch):
    stored = []
    original_set = cache.set
    monkeypatch.setattr(
        cache, "set", lambda key, *args, **kwargs: (stored.append(key), original_set(key, *args))
    )

    for number in range(20):
        assert client.get(f"/en/infected-cities/no-such-page-{number}/").status_code == 404

    assert not [key for key in stored if ":route:" in key]


def test_each_language_finds_its_own_page(client, series, django_capture_on_commit_callbacks):
    translation = start_translation(series, "el")
    fill(translation, prefix="[el]")
    publish_translation(translation, django_capture_on_commit_callbacks)
    assert client.get("/en/infected-cities/").status_code == 200

    greek = BeautifulSoup(client.get("/el/infected-cities/").text, "html.parser")

    assert greek.html["lang"] == "el"
    assert greek.h1.get_text().startswith("[el]")
    assert not BeautifulSoup(client.get("/en/infected-cities/").text, "html.parser").find(
        string=lambda text: "[el]" in text
    )


def test_a_preview_shows_the_unsaved_text_not_what_readers_see(client, episode):
    assert "A sample paragraph" not in client.get("/en/infected-cities/athens/").text

    episode.body = [{"type": "paragraph", "value": "<p>A sample paragraph, not saved</p>"}]
    episode.summary = "An unsaved summary"
    preview = episode.make_preview_request().render()

    shown = BeautifulSoup(preview.content.decode(), "html.parser")
    assert "A sample paragraph, not saved" in shown.find(class_="body").get_text()
    assert shown.find("p", class_="lead").get_text() == "An unsaved summary"
    live = client.get("/en/infected-cities/athens/").text
    assert "A sample paragraph" not in live and "An unsaved summary" not in live


def test_a_published_change_shows_in_every_part_of_the_page_at_once(client, episode):
    assert client.get("/en/infected-cities/athens/").status_code == 200

    episode.summary = "A new summary"
    episode.body = [{"type": "paragraph", "value": "<p>A new paragraph</p>"}]
    episode.title = "Athens revisited"
    publish(episode)

    text = client.get("/en/infected-cities/athens/").text
    assert "A new summary" in text and "A new paragraph" in text
    assert "<title>Athens revisited" in text and 'content="Athens revisited"' in text
