from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from citymakers.cache_lifetimes import kept_until_schedule_changes
from citymakers.view_restrictions import public
from livecasts import localization
from livecasts.models import EpisodePage
from livecasts.models.mixins import (
    BodyMixin,
    HeroImageMixin,
    IntroMixin,
    PageMetadataMixin,
    RolePermissionsMixin,
    StableSlugMixin,
)
from livecasts.schedule import BROADCAST_ORDER, upcoming_or_latest


class HomePage(
    RolePermissionsMixin, PageMetadataMixin, IntroMixin, HeroImageMixin, BodyMixin, Page
):
    """The root of each language's tree: what a reader sees first."""

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "livecasts.SeriesPage",
        "livecasts.OrganisationIndexPage",
        "livecasts.PeopleIndexPage",
        "home.StandardPage",
    ]

    featured_series = models.ForeignKey(
        "livecasts.SeriesPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("featured series"),
        help_text=_("The series presented first on the home page."),
    )

    content_panels = [
        *Page.content_panels,
        *IntroMixin.intro_panels,
        *HeroImageMixin.hero_panels,
        FieldPanel("featured_series"),
        *BodyMixin.body_panels,
    ]
    search_fields = [*Page.search_fields, *IntroMixin.search_fields, *BodyMixin.search_fields]

    class Meta:
        verbose_name = _("home page")

    def get_featured_series(self):
        return (
            localization.in_active_language(self.featured_series)
            if self.featured_series_id
            else None
        )

    def next_episodes(self, limit=3):
        """(episodes, upcoming?): the next episodes in this language, or the latest ones when
        nothing is upcoming."""
        episodes = (
            public(EpisodePage.objects.descendant_of(self).live())
            .defer_streamfields()
            .select_related("city", "hero_image")
            .order_by(*BROADCAST_ORDER)
        )
        episodes, upcoming = upcoming_or_latest(episodes, limit)
        return localization.with_cities_in_their_language(episodes), upcoming

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["episodes"], context["episodes_are_upcoming"] = kept_until_schedule_changes(
            f"home-next-episodes:{self.pk}", self.next_episodes
        )
        return context


class StandardPage(
    RolePermissionsMixin,
    PageMetadataMixin,
    StableSlugMixin,
    IntroMixin,
    HeroImageMixin,
    BodyMixin,
    Page,
):
    """A plain page such as About or Privacy."""

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    content_panels = [
        *Page.content_panels,
        *IntroMixin.intro_panels,
        *HeroImageMixin.hero_panels,
        *BodyMixin.body_panels,
    ]
    search_fields = [
        *Page.search_fields,
        *IntroMixin.search_fields,
        *BodyMixin.search_fields,
        index.SearchField("title"),
    ]

    class Meta:
        verbose_name = _("standard page")
