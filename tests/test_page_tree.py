"""Which page types editors may create where, and that every page type renders."""

from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage, StandardPage
from livecasts.models import (
    EpisodePage,
    OrganisationIndexPage,
    OrganisationPage,
    PeopleIndexPage,
    SeriesPage,
)
from tests.admin_forms import episode_form
from tests.factories import (
    EpisodePageFactory,
    OrganisationIndexPageFactory,
    OrganisationPageFactory,
    SeriesPageFactory,
    StandardPageFactory,
    home_page,
)


class PageTreeRulesTest(WagtailPageTestCase):
    def test_series_lives_under_home(self):
        self.assertAllowedParentPageTypes(SeriesPage, {HomePage})

    def test_episode_lives_only_under_a_series_and_has_no_children(self):
        self.assertAllowedParentPageTypes(EpisodePage, {SeriesPage})
        self.assertAllowedSubpageTypes(EpisodePage, set())

    def test_organisations_live_under_their_index(self):
        self.assertAllowedParentPageTypes(OrganisationPage, {OrganisationIndexPage})
        self.assertAllowedParentPageTypes(OrganisationIndexPage, {HomePage})

    def test_people_index_lives_under_home_and_has_no_children(self):
        self.assertAllowedParentPageTypes(PeopleIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(PeopleIndexPage, set())

    def test_home_takes_series_organisation_and_people_indexes_and_standard_pages(self):
        self.assertAllowedSubpageTypes(
            HomePage, {SeriesPage, OrganisationIndexPage, PeopleIndexPage, StandardPage}
        )


class EditorAddsAnEpisodeTest(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()
        cls.series = SeriesPageFactory(parent=cls.home)

    def setUp(self):
        # force_login: the sign-in throttle (django-axes) refuses a login without a request.
        self.client.force_login(self.create_superuser("editor"))

    def add_episode_url(self, parent):
        return reverse("wagtailadmin_pages:add", args=["livecasts", "episodepage", parent.pk])

    def test_an_episode_is_created_and_published_under_a_series(self):
        self.assertCanCreate(self.series, EpisodePage, episode_form())

    def test_the_admin_refuses_an_episode_under_the_home_page(self):
        self.assertCanNotCreateAt(HomePage, EpisodePage)

        response = self.client.get(self.add_episode_url(self.home), follow=True)

        self.assertEqual(response.redirect_chain[0], (reverse("wagtailadmin_home"), 302))
        self.assertContains(response, "Sorry, you do not have permission to access this area.")

    def test_the_episode_form_has_its_tabs_and_says_when_to_leave_the_time_empty(self):
        response = self.client.get(self.add_episode_url(self.series))

        form = BeautifulSoup(response.text, "html.parser")
        tabs = [next(tab.stripped_strings) for tab in form.select('[role="tab"]')]
        # Wagtail 8 shows the publishing schedule in the side panel, not in a Settings tab.
        self.assertEqual(tabs, ["Content", "Broadcast", "Promote"])
        self.assertContains(response, "Leave empty while the time is to be announced.")


class EveryPageTypeRendersTest(WagtailPageTestCase):
    def test_every_page_type_renders_for_a_reader(self):
        home = home_page()
        series = SeriesPageFactory(parent=home)
        organisations = OrganisationIndexPageFactory(parent=home)
        pages = [
            home,
            series,
            EpisodePageFactory(parent=series),
            organisations,
            OrganisationPageFactory(parent=organisations),
            StandardPageFactory(parent=home),
        ]
        for page in pages:
            with self.subTest(page_type=type(page).__name__):
                self.assertPageIsRenderable(page)
