"""Anonymous readers get cached pages; a publish empties the cache at once."""

import gzip

import pytest
from django.core.cache import caches
from django.test import Client
from django.urls import reverse

from tests.factories import (
    EpisodePageFactory,
    PersonFactory,
    SeriesPageFactory,
    home_page,
    publish,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def series(settings):
    settings.PAGE_CACHE_SECONDS = 300
    return SeriesPageFactory(parent=home_page(), title="Infected Cities")


def test_anonymous_pages_are_public_and_served_from_cache(client, series):
    first = client.get(series.url)
    second = client.get(series.url)

    assert "public" in first["Cache-Control"] and "max-age=300" in first["Cache-Control"]
    assert "X-Page-Cache" not in first
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content


def test_publishing_a_change_empties_the_cache(client, series):
    client.get(series.url)

    series.title = "Infected Cities, second season"
    series.save_revision().publish()
    response = client.get(series.url)

    assert "X-Page-Cache" not in response
    assert "Infected Cities, second season" in response.text


def test_editors_never_get_a_cached_or_public_page(admin_client, client, series):
    client.get(series.url)

    response = admin_client.get(series.url)

    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]


def test_search_results_are_not_cached(client, series):
    client.get("/en/search/?q=cities")

    assert "X-Page-Cache" not in client.get("/en/search/?q=cities")


@pytest.mark.parametrize(
    "campaign", ["?utm_source=newsletter&utm_medium=email", "?fbclid=abc", "?gclid=1&mc_cid=2"]
)
def test_campaign_tags_share_the_pages_cached_copy(client, series, campaign):
    first = client.get(series.url)

    tagged = client.get(series.url + campaign)

    assert tagged["X-Page-Cache"] == "hit"
    assert tagged.content == first.content


def test_a_parameter_a_view_reads_is_never_answered_from_the_cache(client, series):
    client.get(series.url)

    assert "X-Page-Cache" not in client.get(series.url + "?page=2")
    assert "X-Page-Cache" not in client.get(series.url + "?page=2&utm_source=x")


@pytest.mark.parametrize("route", ["feed/rss/", "feed/atom/", "calendar.ics"])
def test_feeds_and_calendars_are_cached_and_emptied_by_a_publish(client, series, route):
    EpisodePageFactory(parent=series, title="First", number=1)
    client.get(series.url + route)

    assert client.get(series.url + route)["X-Page-Cache"] == "hit"
    publish(EpisodePageFactory(parent=series, title="Second", number=2))
    fresh = client.get(series.url + route)

    assert "X-Page-Cache" not in fresh
    assert "Second" in fresh.text


def test_a_hit_asks_the_cache_once(client, series, monkeypatch):
    client.get(series.url)
    default = caches["default"]
    asked = CacheCalls()
    for method in ("get", "get_many", "get_or_set", "has_key"):
        monkeypatch.setattr(default, method, _recorded(asked, method, getattr(default, method)))

    assert client.get(series.url)["X-Page-Cache"] == "hit"
    assert asked == ["get_many"]


class CacheCalls(list):
    busy = False


def _recorded(asked, name, method):
    """`method`, recording each call from outside the cache (get_many may call get)."""

    def recording(*args, **kwargs):
        outermost = not asked.busy
        if outermost:
            asked.append(name)
        asked.busy = True
        try:
            return method(*args, **kwargs)
        finally:
            asked.busy = not outermost

    return recording


def test_an_editor_signing_out_or_being_deleted_keeps_the_cache(client, series, django_user_model):
    editor = django_user_model.objects.create_superuser("editor")
    client.get(series.url)
    signed_in = Client()
    signed_in.force_login(editor)

    signed_in.post(reverse("wagtailadmin_logout"))  # deletes the session
    assert "_auth_user_id" not in signed_in.session
    editor.delete()

    assert client.get(series.url)["X-Page-Cache"] == "hit"


def test_deleting_a_person_empties_the_cache(client, series):
    person = PersonFactory()
    client.get(series.url)

    person.delete()

    assert "X-Page-Cache" not in client.get(series.url)


def test_pages_are_compressed_for_readers_who_accept_it_and_cached_both_ways(client, series):
    compressed = client.get(series.url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    plain = client.get(series.url)
    compressed_again = client.get(series.url, HTTP_ACCEPT_ENCODING="gzip")

    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    assert gzip.decompress(compressed.content).decode() == plain.text
    assert "Content-Encoding" not in plain and "X-Page-Cache" not in plain
    assert compressed_again["X-Page-Cache"] == "hit"
    assert compressed_again["Content-Encoding"] == "gzip"
    assert "Infected Cities" in plain.text
