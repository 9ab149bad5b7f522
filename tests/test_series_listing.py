"""A series lists its episodes upcoming and past, in broadcast order, at a fixed query cost; an
organisation lists its episodes a page at a time."""

import datetime
import re

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from livecasts.models import (
    EpisodeOrganisation,
    EpisodePage,
    OrganisationIndexPage,
    OrganisationPage,
)
from livecasts.models.organisations import EPISODES_PER_PAGE
from livecasts.models.series import UPCOMING_SHOWN
from livecasts.schedule import PROGRAMME_TIME_ZONE
from tests.factories import (
    CityFactory,
    EpisodePageFactory,
    SeriesPageFactory,
    add_speakers,
    home_page,
)

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2021, 1, 1, 12, 0, tzinfo=PROGRAMME_TIME_ZONE)


@pytest.fixture
def series():
    return SeriesPageFactory(parent=home_page())


def make(series, number, date, start_time=None):
    return EpisodePageFactory(
        parent=series, number=number, date=date, start_time=start_time, title=f"Episode {number}"
    )


@time_machine.travel(NOW, tick=False)
def test_upcoming_soonest_first_with_live_on_top_and_past_latest_first(series):
    # Created out of order on purpose: tree order must not decide the listing (#84).
    make(series, 14, datetime.date(2021, 1, 21))
    make(series, 11, datetime.date(2020, 12, 10))
    make(series, 13, datetime.date(2021, 1, 14))
    make(series, 12, datetime.date(2020, 12, 17))
    make(series, 10, datetime.date(2021, 1, 1), datetime.time(11, 30))  # live at NOW

    upcoming, _more, past = series.split_episodes()

    assert [e.number for e in upcoming] == [10, 13, 14]
    assert [e.number for e in past] == [12, 11]


@time_machine.travel(NOW, tick=False)
def test_the_series_page_shows_both_lists(client, series):
    make(series, 11, datetime.date(2020, 12, 10))
    make(series, 13, datetime.date(2021, 1, 14))

    text = client.get(series.url).text

    upcoming_at, past_at = text.index("Upcoming episodes"), text.index("Past episodes")
    assert upcoming_at < text.index("Episode 13") < past_at < text.index("Episode 11")


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_query_count_does_not_grow_with_episodes_or_speakers(client, series):
    for number in range(2):
        add_speakers(make(series, number + 1, datetime.date(2020, 12, 10 + number)), 2)
    client.get(series.url)  # warm caches (site root paths, renditions)
    few = count_queries(client, series.url)

    for number in range(2, 8):
        add_speakers(make(series, number + 1, datetime.date(2020, 12, 10 + number)), 3)
    client.get(series.url)
    many = count_queries(client, series.url)

    assert many == few


def past_on(client, url):
    text = client.get(url).text
    return [int(number) for number in re.findall(r">Episode (\d+)</a>", text)], text


@time_machine.travel(NOW, tick=False)
def test_past_episodes_come_a_page_at_a_time_with_links_between_pages(client, series):
    make(series, 99, datetime.date(2021, 2, 1))  # upcoming
    make(series, 98, datetime.date(2020, 12, 31), datetime.time(20, 0))  # past, yesterday
    for number in range(1, 26):
        make(series, number, datetime.date(2019, 1, 1) + datetime.timedelta(days=7 * number))

    first, first_text = past_on(client, series.url)
    second, second_text = past_on(client, series.url + "?page=2")
    last, last_text = past_on(client, series.url + "?page=3")

    assert first == [99, 98, *range(25, 14, -1)]
    assert second == [99, *range(14, 2, -1)]
    assert last == [99, 2, 1]
    assert '<link rel="next" href="?page=2">' in first_text and 'rel="prev"' not in first_text
    assert '<link rel="prev" href="?page=1">' in second_text
    assert '<a rel="next" href="?page=3">' in second_text
    assert "Page 3 of 3" in last_text and 'rel="next"' not in last_text


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize(("page", "shown"), [("x", 1), ("", 1), ("999", 2), ("0", 2), ("-1", 2)])
def test_a_junk_page_number_shows_the_first_page_and_one_out_of_range_the_last(
    client, series, page, shown
):
    for number in range(1, 15):
        make(series, number, datetime.date(2019, 1, 1) + datetime.timedelta(days=7 * number))

    response = client.get(series.url, {"page": page})

    assert response.status_code == 200
    assert f"Page {shown} of 2" in response.text


def test_a_page_of_past_episodes_costs_the_same_with_3_or_40(client, series):
    for number in range(3):
        make(series, number + 1, datetime.date(2020, 1, 1 + number))
    EpisodePage.objects.update(city=CityFactory())
    client.get(series.url)  # warm caches (site root paths)
    few = count_queries(client, series.url)

    for number in range(3, 40):
        make(series, number + 1, datetime.date(2019, 1, 1) + datetime.timedelta(number))
    EpisodePage.objects.update(city=CityFactory())
    client.get(series.url)
    many = count_queries(client, series.url)

    assert many == few


def test_an_organisations_episodes_come_a_page_at_a_time(client, series):
    index = OrganisationIndexPage(title="Organisations", slug="organisations")
    home_page().add_child(instance=index)
    organisation = OrganisationPage(title="DutchCulture", slug="dc", description="A centre.")
    index.add_child(instance=organisation)
    for day in range(EPISODES_PER_PAGE + 1):
        episode = EpisodePageFactory(parent=series, date=datetime.date(2020, 1, 1 + day))
        EpisodeOrganisation.objects.create(page=episode, organisation=organisation)

    first = BeautifulSoup(client.get(organisation.url).text, "html.parser")
    second = BeautifulSoup(client.get(organisation.url + "?page=2").text, "html.parser")

    assert len(first.select(".episode-list article, .episode-list li")) == EPISODES_PER_PAGE
    assert first.find("link", rel="next")["href"] == "?page=2"
    assert len(second.select(".episode-list article, .episode-list li")) == 1
    assert second.find("link", rel="prev")["href"] == "?page=1"
    assert first.find("link", rel="canonical")["href"].endswith("/dc/")
    assert second.find("link", rel="canonical")["href"].endswith("/dc/?page=2")


def test_a_long_schedule_lists_the_next_episodes_and_says_how_many_more(client, series):
    with time_machine.travel(NOW, tick=False):
        for day in range(UPCOMING_SHOWN + 3):
            EpisodePageFactory(
                parent=series, date=datetime.date(2021, 2, 1) + datetime.timedelta(days=day)
            )
        page = BeautifulSoup(client.get(series.url).text, "html.parser")

    upcoming = page.find("section", attrs={"aria-labelledby": "upcoming-heading"})
    assert len(upcoming.select(".episode-card")) == UPCOMING_SHOWN
    assert "3 more episodes are scheduled: the calendar has them all." in upcoming.get_text()
