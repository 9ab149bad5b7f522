"""Publishing or unpublishing an episode purges the CDN of everything that shows it, in every
language: its page and calendar, its series with feeds and calendar, the home page, the pages
of its organisations and the API."""

import pytest
from django.urls import reverse
from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset

from livecasts.models import EpisodePage, OrganisationIndexPage, OrganisationPage
from tests.admin_forms import episode_form
from tests.factories import publish
from tests.fixtures_content import translate_page

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "nl", "fr", "el", "pl", "es"]
SITE = "http://localhost"
PURGED = set()


class RecordingBackend(BaseBackend):
    """A CDN that notes what it is asked to purge (as Wagtail's own tests do)."""

    def purge(self, url):
        PURGED.add(url)


@pytest.fixture
def cdn(settings):
    settings.WAGTAILFRONTENDCACHE = {"cdn": {"BACKEND": f"{__name__}.RecordingBackend"}}
    PURGED.clear()
    return PURGED


@pytest.fixture
def organisation(series_content):
    home = series_content.series.get_parent()
    index = OrganisationIndexPage(title="Organisations", slug="organisations")
    home.add_child(instance=index)
    organisation = OrganisationPage(title="DutchCulture", slug="dutchculture", description="A hub")
    publish(index).add_child(instance=organisation)
    greek = Locale.objects.get(language_code="el")
    translate_page(index, greek)
    return publish(organisation), translate_page(organisation, greek)


def in_every_language(path):
    return {f"{SITE}/{language}/{path}" for language in LANGUAGES}


def test_publishing_an_english_episode_purges_every_page_that_lists_it(
    admin_client, cdn, series_content, organisation, django_capture_on_commit_callbacks
):
    series, series_el = series_content.series, series_content.series_el
    form = episode_form(
        organisations=inline_formset([{"organisation": organisation[0].pk, "kind": "organiser"}])
    )
    form["action-publish"] = "action-publish"

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtailadmin_pages:add", args=["livecasts", "episodepage", series.pk]), form
        )

    assert response.status_code == 302
    lisbon = EpisodePage.objects.get(slug="lisbon", live=True)
    expected = (
        in_every_language("")
        | in_every_language("infected-cities/")
        | in_every_language("infected-cities/feed/rss/")
        | in_every_language("infected-cities/feed/atom/")
        | in_every_language("infected-cities/calendar.ics")
        | in_every_language("infected-cities/lisbon/")
        | in_every_language("infected-cities/lisbon/calendar.ics")
        | in_every_language("infected-cities/lisbon/chapters.json")
        | in_every_language("organisations/dutchculture/")
        | {f"{SITE}/api/v2/pages/{page.pk}/" for page in (lisbon, series, series_el, *organisation)}
        | {
            f"{SITE}/api/v2/pages/",
            f"{SITE}/api/v2/pages/?type=livecasts.EpisodePage",
            f"{SITE}/api/v2/pages/?type=livecasts.EpisodePage&locale=el",
            f"{SITE}/api/v2/pages/?locale=en",
        }
    )
    assert expected <= cdn, sorted(expected - cdn)


def test_unpublishing_an_episode_purges_its_translations_too(
    admin_client, cdn, series_content, django_capture_on_commit_callbacks
):
    athens, athens_el = series_content.episodes["athens"], series_content.episodes_el["athens"]

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(reverse("wagtailadmin_pages:unpublish", args=[athens.pk]))

    assert response.status_code == 302
    assert {
        f"{SITE}/el/infected-cities/athens/",
        f"{SITE}/el/infected-cities/athens/calendar.ics",
        f"{SITE}/el/infected-cities/athens/chapters.json",
        f"{SITE}/el/infected-cities/feed/rss/",
        f"{SITE}/el/",
        f"{SITE}/api/v2/pages/{athens_el.pk}/",
        f"{SITE}/api/v2/pages/{series_content.series_el.pk}/",
    } <= cdn
