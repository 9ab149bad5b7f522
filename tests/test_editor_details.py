"""Small things an editor meets in the admin: slugs, labels, listings, the dashboard, credits."""

import datetime
import re

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale

from home.models import StandardPage
from livecasts.models import EpisodePage, OrganisationIndexPage, OrganisationPage
from livecasts.schedule import PROGRAMME_TIME_ZONE
from tests.admin_forms import episode_form
from tests.factories import CityFactory, EpisodePageFactory, SeriesPageFactory, home_page

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2021, 1, 1, 12, 0, tzinfo=PROGRAMME_TIME_ZONE)


@pytest.fixture
def series():
    return SeriesPageFactory(parent=home_page())


def add_episode_url(series):
    return reverse("wagtailadmin_pages:add", args=["livecasts", "episodepage", series.pk])


def test_a_new_episode_without_a_slug_is_named_after_its_city(admin_client, series):
    athens = CityFactory(name="Athens")
    form = episode_form(title="Infected Cities: Athens", slug="", city=athens.pk)

    response = admin_client.post(add_episode_url(series), form)

    assert response.status_code == 302
    assert EpisodePage.objects.child_of(series).get().slug == "athens"


def test_a_citys_second_episode_adds_its_number_to_the_slug(admin_client, series):
    athens = CityFactory(name="Athens")
    EpisodePageFactory(parent=series, slug="athens", number=3, city=athens)
    form = episode_form(title="Athens, one year on", slug="", city=athens.pk, number=17)

    response = admin_client.post(add_episode_url(series), form)

    assert response.status_code == 302
    assert EpisodePage.objects.child_of(series).get(number=17).slug == "athens-17"


def test_a_slug_the_editor_typed_is_kept(admin_client, series):
    form = episode_form(slug="athens-revisited", city=CityFactory(name="Athens").pk)

    admin_client.post(add_episode_url(series), form)

    assert EpisodePage.objects.child_of(series).get().slug == "athens-revisited"


def test_the_title_does_not_fill_in_the_episode_slug(admin_client, series):
    text = admin_client.get(add_episode_url(series)).text

    assert 'data-w-sync-target-value=""' in text


def test_speakers_and_organisations_are_added_one_at_a_time(admin_client, series):
    text = admin_client.get(add_episode_url(series)).text

    assert "Add speaker" in text and "Add organisation" in text
    assert "Add Speakers" not in text and "Add Organisers and partners" not in text


@pytest.fixture
def organisation_in_two_languages():
    index = OrganisationIndexPage(title="Organisations", slug="organisations")
    home_page().add_child(instance=index)
    organisation = OrganisationPage(
        title="Sample cultural centre", slug="sample-centre", description="A sample."
    )
    index.add_child(instance=organisation)
    greek = organisation.copy_for_translation(
        Locale.objects.get(language_code="el"), copy_parents=True
    )
    greek.title = "Ενδεικτικό πολιτιστικό κέντρο"
    greek.save_revision().publish()
    return organisation


def test_episodes_choose_organisations_with_the_organisation_chooser(admin_client, series):
    text = admin_client.get(add_episode_url(series)).text

    assert "Choose an organisation" in text


@pytest.mark.parametrize(
    ("locale", "listed", "not_listed"),
    [
        ("en", "Sample cultural centre", "Ενδεικτικό πολιτιστικό κέντρο"),
        ("el", "Ενδεικτικό πολιτιστικό κέντρο", "Sample cultural centre"),
    ],
)
def test_the_organisation_chooser_lists_organisations_in_the_editors_language(
    admin_client, organisation_in_two_languages, locale, listed, not_listed
):
    response = admin_client.get(reverse("organisation_chooser:choose"), {"locale": locale})

    html = response.json()["html"]
    assert listed in html and not_listed not in html


@pytest.fixture
def episode_in_two_languages(series):
    episode = EpisodePageFactory(parent=series, title="Infected Cities: Athens")
    greek = episode.copy_for_translation(Locale.objects.get(language_code="el"), copy_parents=True)
    greek.title = "Μολυσμένες πόλεις: Αθήνα"
    greek.save_revision().publish()
    return episode


def test_the_episode_listing_starts_in_the_source_language(admin_client, episode_in_two_languages):
    text = admin_client.get(reverse("episodes:index")).text

    assert "Infected Cities: Athens" in text
    assert "Μολυσμένες πόλεις: Αθήνα" not in text
    assert text.index('value="en"') < text.index('value="el"')


@pytest.mark.parametrize(("locale", "shown"), [("el", [False, True]), ("", [True, True])])
def test_the_episode_listing_filters_by_language(
    admin_client, episode_in_two_languages, locale, shown
):
    text = admin_client.get(reverse("episodes:index"), {"locale": locale}).text

    assert ["Infected Cities: Athens" in text, "Μολυσμένες πόλεις: Αθήνα" in text] == shown


@time_machine.travel(NOW, tick=False)
def test_the_dashboard_says_when_a_scheduled_episode_goes_live(admin_client, series):
    episode = EpisodePageFactory(
        parent=series, title="Infected Cities: Warsaw", date=datetime.date(2021, 1, 14), live=False
    )
    episode.go_live_at = timezone.now() + datetime.timedelta(days=3)
    episode.save_revision().publish()

    panel = admin_client.get("/admin/").text.split("upcoming-episodes-heading", 1)[1]

    assert "Infected Cities: Warsaw" in panel
    assert "Scheduled to go live on Jan. 4, 2021" in panel


@pytest.mark.parametrize("typed", ["Sample photographer", "© Sample photographer"])
def test_an_image_credit_shows_one_copyright_sign(client, typed):
    image = Image.objects.create(title="Square", file=get_test_image_file())
    body = [{"type": "image", "value": {"image": image.pk, "alt_text": "", "credit": typed}}]
    page = StandardPage(title="Credits", slug="credits", body=body)
    home_page().add_child(instance=page)

    text = client.get(page.url).text

    assert '<span class="credit">© Sample photographer</span>' in text


def test_a_chosen_organisation_links_to_its_page_editor(
    admin_client, organisation_in_two_languages
):
    organisation = organisation_in_two_languages
    url = reverse("organisation_chooser:chosen", args=[organisation.pk])

    result = admin_client.get(url).json()["result"]

    assert result["title"] == "Sample cultural centre"
    assert result["edit_url"] == reverse("wagtailadmin_pages:edit", args=[organisation.pk])


@pytest.fixture
def editing_episode(admin_user, series):
    """A signed-in editor (CSRF checked) with an episode open in the editor."""
    episode = EpisodePageFactory(parent=series, slug="lisbon", number=15)
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user)
    page = client.get(reverse("wagtailadmin_pages:edit", args=[episode.pk])).text
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]
    return client, episode, page, token


def test_the_editor_loads_the_script_that_names_tabs_with_errors(editing_episode):
    _client, _episode, page, _token = editing_episode

    assert "livecasts/js/editor-error-tabs.js" in page


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"duration_minutes": 0}, "The changes could not be saved: check the Broadcast tab."),
        ({"duration_minutes": 0, "number": "x"}, "check the Content, Broadcast tabs."),
        ({}, ""),
    ],
)
def test_an_autosave_error_names_the_tabs_that_hold_it(editing_episode, changes, message):
    client, episode, _page, token = editing_episode
    url = reverse("livecasts_page_error_tabs", args=[episode.pk])
    form = {**episode_form(**changes), "csrfmiddlewaretoken": token}

    answer = client.post(url, form).json()["message"]

    assert message in answer and bool(answer) == bool(message)
