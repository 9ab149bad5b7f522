"""The home page leads with what is coming up, or with the latest episodes when nothing is."""

import datetime
import re

import pytest
import time_machine

from livecasts.schedule import PROGRAMME_TIME_ZONE
from tests.factories import EpisodePageFactory, SeriesPageFactory, home_page

pytestmark = pytest.mark.django_db


def episodes_section(text):
    """(heading, [episode titles]) of the home page's episode section."""
    section = re.search(r'<section[^>]*aria-labelledby="next-heading".*?</section>', text, re.S)[0]
    heading = re.search(r'<h2 id="next-heading">(.*?)</h2>', section)[1]
    titles = re.findall(r'class="episode-card__title"><a href="[^"]+">([^<]+)</a>', section)
    return heading, titles


@pytest.fixture
def featured_series():
    """A series featured on the English home page, with two episodes in December 2020."""
    home = home_page()
    series = SeriesPageFactory(parent=home, title="Infected Cities")
    for title, day in [("Athens", 17), ("Paris", 10)]:
        EpisodePageFactory(parent=series, title=title, date=datetime.date(2020, 12, day))
    home.featured_series = series
    home.save_revision().publish()
    return series


@pytest.mark.parametrize(
    ("day", "shown"),
    [
        (datetime.date(2020, 12, 1), ("Coming up", ["Paris", "Athens"])),
        (datetime.date(2020, 12, 12), ("Coming up", ["Athens"])),
        (datetime.date(2021, 2, 1), ("Latest episodes", ["Athens", "Paris"])),
    ],
)
def test_home_leads_with_the_next_episodes_or_the_latest(client, featured_series, day, shown):
    noon = datetime.datetime.combine(day, datetime.time(12), tzinfo=PROGRAMME_TIME_ZONE)
    with time_machine.travel(noon, tick=False):
        text = client.get("/en/").text

    assert episodes_section(text) == shown
    assert f'<a href="{featured_series.url}">Infected Cities</a>' in text  # the featured series
