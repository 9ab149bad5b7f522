"""Each page type costs at most QUERY_BUDGET queries once warm, and the same number however
many episodes, people or blocks it shows, in every language."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import StandardPage
from livecasts.models import (
    EpisodeChapter,
    EpisodeOrganisation,
    EpisodePage,
    EpisodeTranscriptLine,
    OrganisationIndexPage,
    OrganisationPage,
    SeriesOrganisation,
)
from livecasts.models.series import PAST_EPISODES_PER_PAGE, UPCOMING_SHOWN
from tests.factories import (
    EpisodePageFactory,
    PersonFactory,
    SeriesPageFactory,
    add_speakers,
    home_page,
)

pytestmark = pytest.mark.django_db

# What the tree alone decides (routes, menus, breadcrumbs, neighbours, view restrictions) is
# read once per content change; a warm page reads its own content in a few queries.
QUERY_BUDGET = 8


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

    assert queries_for(client, url) == few <= QUERY_BUDGET


def test_episode_page_does_not_grow_with_speakers_blocks_or_siblings(client, tree):
    small = add_episodes(tree, 1, speakers=1)[0]
    large = add_episodes(tree, 1, speakers=6)[0]
    add_episodes(tree, 5, speakers=1)

    assert queries_for(client, large.url) == queries_for(client, small.url) <= QUERY_BUDGET


def recorded_with_chapters(tree, count):
    (episode,) = add_episodes(tree, 1, speakers=2)
    episode.recording_url = "https://www.youtube.com/watch?v=aqz-KE-bpKQ"
    person = episode.speakers.first().person
    for n in range(count):
        episode.chapters.add(EpisodeChapter(start=n * 60, title=f"Part {n}", person=person))
    episode.save_revision().publish()
    return episode


def test_recorded_episode_page_does_not_grow_with_chapters(client, tree):
    few, many = recorded_with_chapters(tree, 1), recorded_with_chapters(tree, 12)

    assert "Part 11" in client.get(many.url).text
    assert queries_for(client, many.url) == queries_for(client, few.url) <= QUERY_BUDGET


def recorded_with_transcript(tree, count):
    episode = recorded_with_chapters(tree, 2)
    person = episode.speakers.first().person
    for n in range(count):
        line = EpisodeTranscriptLine(start=n * 30, text=f"Spoken line {n}", person=person)
        episode.transcript_lines.add(line)
    episode.save_revision().publish()
    return episode


def test_recorded_episode_page_and_search_do_not_grow_with_transcript_lines(client, tree):
    few, many = recorded_with_transcript(tree, 1), recorded_with_transcript(tree, 40)

    assert 'id="transcript-1170"' in client.get(many.url).text
    assert queries_for(client, many.url) == queries_for(client, few.url) <= QUERY_BUDGET
    search = "/en/search/?q=spoken+line"
    two_found = queries_for(client, search)
    for _ in range(6):
        recorded_with_transcript(tree, 3)
    assert client.get(search).text.count("Said at 0:00") == 8
    assert queries_for(client, search) == two_found <= QUERY_BUDGET


def test_standard_page_does_not_grow_with_blocks(client, tree):
    short = StandardPage(title="Short", slug="short", body=speaker_blocks(1))
    long = StandardPage(title="Long", slug="long", body=speaker_blocks(8))
    tree["home"].add_child(instance=short)
    tree["home"].add_child(instance=long)

    assert queries_for(client, long.url) == queries_for(client, short.url) <= QUERY_BUDGET


def test_search_does_not_grow_with_results(client, tree):
    add_episodes(tree, 2, speakers=1)
    few = queries_for(client, "/en/search/?q=episode")
    add_episodes(tree, 8, speakers=1)

    assert queries_for(client, "/en/search/?q=episode") == few <= QUERY_BUDGET
    assert "10 results" in client.get("/en/search/?q=episode").text


def episodes_read(client, url, monkeypatch):
    """How many episode objects the database gives one request (warm caches)."""
    client.get(url)
    read = []
    from_db = EpisodePage.from_db.__func__

    def counted(*row):
        read.append(1)
        return from_db(*row)

    with monkeypatch.context() as patch:
        patch.setattr(EpisodePage, "from_db", classmethod(counted))
        assert client.get(url).status_code == 200
    return len(read)


# Episodes a page shows: the episode and its two neighbours, the home page's latest three, a
# page of the series' past episodes.
SHOWN = {"episode": 3, "home": 3, "series": PAST_EPISODES_PER_PAGE}


@pytest.mark.parametrize("page", SHOWN)
def test_an_archive_of_past_episodes_costs_no_more_queries_or_rows(client, tree, page, monkeypatch):
    latest = add_episodes(tree, 2, speakers=1)[-1]
    url = latest.url if page == "episode" else tree[page].url
    queries = queries_for(client, url)

    for number in range(20):
        EpisodePageFactory(parent=tree["series"], date=datetime.date(2019, 1, 1 + number))

    assert queries_for(client, url) == queries
    assert episodes_read(client, url, monkeypatch) <= SHOWN[page]


@pytest.mark.parametrize("page", SHOWN)
def test_a_long_schedule_of_upcoming_episodes_costs_no_more_queries_or_rows(
    client, tree, page, monkeypatch
):
    latest = add_episodes(tree, 2, speakers=1)[-1]
    EpisodePageFactory(parent=tree["series"], date=datetime.date(2098, 1, 1))  # one upcoming
    url = latest.url if page == "episode" else tree[page].url
    queries = queries_for(client, url)

    for number in range(30):
        EpisodePageFactory(parent=tree["series"], date=datetime.date(2099, 1, 1 + number))

    assert queries_for(client, url) == queries
    shown = SHOWN[page] + (UPCOMING_SHOWN if page == "series" else 0)
    assert episodes_read(client, url, monkeypatch) <= shown


DEMO_PAGES = {
    "home": "/{}/",
    "series": "/{}/infected-cities/",
    "episode": "/{}/infected-cities/athens/",
    "recorded episode with chapters": "/{}/infected-cities/paris/",
    "organisation index": "/{}/organisations/",
    "organisation": "/{}/organisations/dutchculture/",
    "series RSS": "/{}/infected-cities/feed/rss/",
    "series Atom": "/{}/infected-cities/feed/atom/",
    "series calendar": "/{}/infected-cities/calendar.ics",
    "episode calendar": "/{}/infected-cities/athens/calendar.ics",
    "standard page": "/{}/about/",
    "people index": "/{}/people/",
    "person": "/{}/people/sample-speaker-from-athens/",
    "search": "/{}/search/?q=Athens",
    "API listing": "/api/v2/pages/?type=livecasts.EpisodePage&locale={}"
    "&fields=speakers,organisations,city,schedule,chapters,transcript",
}


@pytest.mark.parametrize("language", ["en", "nl", "fr", "el", "pl", "es"])
def test_every_page_type_of_the_demo_keeps_to_the_budget_in_every_language(
    demo, client, settings, language
):
    settings.PAGE_CACHE_SECONDS = 0  # what a page costs when it is built
    costs = {name: queries_for(client, url.format(language)) for name, url in DEMO_PAGES.items()}

    assert {name: cost for name, cost in costs.items() if cost > QUERY_BUDGET} == {}
