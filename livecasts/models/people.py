"""The people index: one page per language listing the speakers, and serving each person's
own page as a route of it (/<lang>/people/<slug>/)."""

from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from livecasts import people, structured_data
from livecasts.api_fields import PeopleField
from livecasts.models.mixins import (
    IntroMixin,
    PageMetadataMixin,
    RolePermissionsMixin,
    StableSlugMixin,
)

PERSON_ROUTE = "person"


class PeopleIndexPage(
    RolePermissionsMixin, PageMetadataMixin, RoutablePageMixin, StableSlugMixin, IntroMixin, Page
):
    """Lists the people of the programme and gives each one a page in every language they have
    a record in; the people themselves are snippets, edited under Snippets."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, *IntroMixin.intro_panels]
    search_fields = [*Page.search_fields, *IntroMixin.search_fields]
    api_fields = [APIField("intro"), APIField("people", PeopleField())]

    class Meta:
        verbose_name = _("people index")

    @cached_property
    def people(self):
        """Every live person, in this page's language where they have a record in it."""
        return people.people_listed(self.locale)

    def person(self, slug):
        """The live person with this address name in this page's language, or None."""
        return people.people_in(self.locale_id).get(slug)

    def route(self, request, path_components):
        # An address names a person only if they exist in this language: anything else is a
        # 404 before any view runs, so unknown addresses are never remembered as routes.
        if len(path_components) == 1 and self.person(path_components[0]) is None:
            raise Http404
        return super().route(request, path_components)

    @path("", name="index")
    def index_view(self, request):
        return self.render(request)

    @path("<slug:slug>/", name=PERSON_ROUTE)
    def person_view(self, request, slug):
        person = self.person(slug)
        if person is None:
            raise Http404
        return self.render(
            request,
            template="livecasts/person_page.html",
            context_overrides={
                "person": person,
                "route_cache_key": f"person:{person.pk}",
                "person_url": people.person_url(person),
                "person_description": people.description(person),
                "episodes_spoken_in": people.episodes_of(person, self.locale),
                "page_translations_override": people.person_translations(person, request),
            },
        )

    def person_structured_data(self, person, request):
        trail = structured_data.breadcrumb_list(self.breadcrumbs, request)
        url = people.person_full_url(person, request)
        trail["itemListElement"].append(
            {
                "@type": "ListItem",
                "position": len(trail["itemListElement"]) + 1,
                "name": person.name,
                "item": url,
            }
        )
        return [trail, structured_data.person(person, url, request)]
