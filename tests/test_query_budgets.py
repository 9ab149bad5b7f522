"""Each page type costs the same number of queries however many episodes, people or blocks
it shows."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import StandardPage
from livecasts.models import (
    EpisodeOrganisation,
    OrganisationIndexPage,
    OrganisationPage,
    SeriesOrganisation,
)
from tests.factories import (
    EpisodePageFactory,
    PersonFactory,
    SeriesPageFactory,
    add_speakers,
    home_page,
)

pytestmark = pytest.mark.django_db


def queries_for(client, url):
    client.get(url)  # the first request warms per-process caches (site root paths)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def quote_blocks(count):
    return [
        {"type": "quote", "value": {"quote": f"Quote {n}", "attribution": ""}} for n in range(count)
    ]


def speaker_blocks(count):
    people = [PersonFactory().pk for _ in range(count)]
    return [
        {"type": "speakers", "value": {"heading": "Guests", "people": people}},
        *quote_blocks(count),
    ]


@pytest.fixture
def tree():
    home = home_page()
    index = OrganisationIndexPage(title="Organisations", slug="organisations")
    home.add_child(instance=index)
    organisation = OrganisationPage(title="DutchCulture", slug="dc", description="A centre.")
    index.add_child(instance=organisation)
    series = SeriesPageFactory(parent=home)
    SeriesOrganisation.objects.create(page=series, organisation=organisation)
    return {"home": home, "index": index, "organisation": organisation, "series": series}


def add_episodes(tree, count, speakers):
    episodes = []
    for _ in range(count):
        episode = EpisodePageFactory(
            parent=tree["series"], date=datetime.date(2020, 12, 10), body=quote_blocks(speakers)
        )
        add_speakers(episode, speakers)
        EpisodeOrganisation.objects.create(page=episode, organisation=tree["organisation"])
        episodes.append(episode)
    return episodes


@pytest.mark.parametrize("page", ["home", "series", "organisation", "index"])
def test_listing_pages_do_not_grow_with_episodes(client, tree, page):
    add_episodes(tree, 2, speakers=1)
    url = tree[page].url
    few = queries_for(client, url)

    add_episodes(tree, 6, speakers=3)
    for n in range(4):
        tree["index"].add_child(
            instance=OrganisationPage(title=f"Partner {n}", slug=f"p{n}", description="A partner.")
        )

    assert queries_for(client, url) == few


def test_episode_page_does_not_grow_with_speakers_blocks_or_siblings(client, tree):
    small = add_episodes(tree, 1, speakers=1)[0]
    large = add_episodes(tree, 1, speakers=6)[0]
    add_episodes(tree, 5, speakers=1)

    assert queries_for(client, large.url) == queries_for(client, small.url)


def test_standard_page_does_not_grow_with_blocks(client, tree):
    short = StandardPage(title="Short", slug="short", body=speaker_blocks(1))
    long = StandardPage(title="Long", slug="long", body=speaker_blocks(8))
    tree["home"].add_child(instance=short)
    tree["home"].add_child(instance=long)

    assert queries_for(client, long.url) == queries_for(client, short.url)


def test_search_does_not_grow_with_results(client, tree):
    add_episodes(tree, 2, speakers=1)
    few = queries_for(client, "/en/search/?q=episode")
    add_episodes(tree, 8, speakers=1)

    assert queries_for(client, "/en/search/?q=episode") == few
    assert "10 results" in client.get("/en/search/?q=episode").text
