"""Which page types editors may create where."""

import pytest
from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage, StandardPage
from livecasts.models import EpisodePage, OrganisationIndexPage, OrganisationPage, SeriesPage
from tests.factories import SeriesPageFactory, home_page


class PageTreeRulesTest(WagtailPageTestCase):
    def test_series_lives_under_home(self):
        self.assertAllowedParentPageTypes(SeriesPage, {HomePage})

    def test_episode_lives_only_under_a_series_and_has_no_children(self):
        self.assertAllowedParentPageTypes(EpisodePage, {SeriesPage})
        self.assertAllowedSubpageTypes(EpisodePage, set())

    def test_organisations_live_under_their_index(self):
        self.assertAllowedParentPageTypes(OrganisationPage, {OrganisationIndexPage})
        self.assertAllowedParentPageTypes(OrganisationIndexPage, {HomePage})

    def test_home_takes_series_organisation_index_and_standard_pages(self):
        self.assertAllowedSubpageTypes(HomePage, {SeriesPage, OrganisationIndexPage, StandardPage})


@pytest.mark.django_db
def test_admin_refuses_an_episode_under_the_home_page(admin_client):
    home = home_page()

    response = admin_client.get(
        reverse("wagtailadmin_pages:add", args=["livecasts", "episodepage", home.pk]), follow=True
    )

    assert response.redirect_chain[0] == (reverse("wagtailadmin_home"), 302)
    assert "Sorry, you do not have permission to access this area." in response.text


@pytest.mark.django_db
def test_admin_offers_an_episode_under_a_series(admin_client):
    series = SeriesPageFactory(parent=home_page())

    response = admin_client.get(
        reverse("wagtailadmin_pages:add", args=["livecasts", "episodepage", series.pk])
    )

    assert response.status_code == 200
    for tab in ("Content", "Broadcast", "Promote", "Settings"):
        assert tab in response.text
    assert "Leave empty while the time is to be announced." in response.text
