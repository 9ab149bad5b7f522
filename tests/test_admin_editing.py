"""What editors get in the admin: search, the dashboard panel, previews, the episode listing."""

import datetime
import io

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, User
from django.urls import reverse
from wagtail.models import Locale

from livecasts.schedule import PROGRAMME_TIME_ZONE
from tests.admin_forms import episode_form
from tests.factories import (
    CityFactory,
    EpisodePageFactory,
    PersonFactory,
    SeriesPageFactory,
    home_page,
)

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2021, 1, 1, 12, 0, tzinfo=PROGRAMME_TIME_ZONE)


@pytest.fixture
def episode():
    series = SeriesPageFactory(parent=home_page())
    episode = EpisodePageFactory(
        parent=series,
        title="Infected Cities: Athens",
        number=12,
        date=datetime.date(2021, 1, 14),
        city=CityFactory(name="Athens"),
        summary="Grassroots initiatives and the crisis.",
    )
    episode.speakers.create(person=PersonFactory(name="Sample Zoe Papadaki"), role="Guest")
    episode.save_revision().publish()
    return episode


@pytest.mark.parametrize("query", ["Infected", "Athens", "Papadaki", "grassroots"])
def test_admin_search_finds_episodes_by_title_city_speaker_and_summary(
    admin_client, episode, query
):
    response = admin_client.get(reverse("wagtailadmin_pages:search"), {"q": query})

    assert "Infected Cities: Athens" in response.text


@time_machine.travel(NOW, tick=False)
def test_dashboard_lists_upcoming_episodes_with_their_languages(admin_client, episode):
    translation = episode.copy_for_translation(
        Locale.objects.get(language_code="el"), copy_parents=True
    )
    translation.save_revision().publish()

    text = admin_client.get(reverse("wagtailadmin_home")).text

    assert "Upcoming episodes" in text
    assert "#12 Infected Cities: Athens" in text
    panel = text[text.index("upcoming-episodes-heading") :]
    assert 'title="exists">EL<' in panel
    assert 'title="missing">PL ✗<' in panel


@time_machine.travel(datetime.datetime(2022, 1, 1, tzinfo=PROGRAMME_TIME_ZONE), tick=False)
def test_dashboard_shows_latest_episodes_when_nothing_is_upcoming(admin_client, episode):
    text = admin_client.get(reverse("wagtailadmin_home")).text

    assert "Latest episodes (nothing is scheduled)" in text
    assert "#12 Infected Cities: Athens" in text


def test_preview_renders_the_real_template_with_unsaved_changes(admin_client, episode):
    form = episode_form(title="Infected Cities: Athens, revisited", slug=episode.slug, number=12)
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[episode.pk])

    assert admin_client.post(preview_url, form).json()["is_valid"]
    response = admin_client.get(preview_url)

    assert response.status_code == 200
    assert "<h1>Infected Cities: Athens, revisited</h1>" in response.text
    assert 'class="date-block"' in response.text


def test_episode_listing_shows_number_city_and_state(admin_client, episode):
    text = admin_client.get(reverse("episodes:index")).text

    table = BeautifulSoup(text, "html.parser").select_one("table.listing")
    header = [cell.get_text(strip=True) for cell in table.find_all("th")]
    [row] = [row.find_all("td") for row in table.find_all("tr") if row.find("td")]
    row = [cell.get_text(" ", strip=True) for cell in row]
    listed = dict(zip(header, row, strict=True))
    assert (listed["Title"], listed["No."], listed["City"]) == (
        "Infected Cities: Athens",
        "12",
        "Athens",
    )
    assert (listed["State"], listed["Locale"]) == ("Past", "English")


def test_translators_do_not_get_the_source_language_panel(client, episode):
    from django.core.management import call_command

    call_command("setup_roles", stdout=io.StringIO())
    translator = User.objects.create_user("pl-translator", password="x")
    translator.groups.add(Group.objects.get(name="Translators: Polish"))
    client.force_login(translator)

    text = client.get(reverse("wagtailadmin_home")).text

    assert "upcoming-episodes-heading" not in text
