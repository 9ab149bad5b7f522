"""Anonymous readers get cached pages; a publish empties the cache at once."""

import pytest

from tests.factories import SeriesPageFactory, home_page

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
