"""A series of livecasts, such as Infected Cities, and the organisations behind it."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Orderable, Page
from wagtail.search import index

from citymakers.addresses import route_full_url
from livecasts.api_fields import (
    OrganisersField,
    RouteLinksField,
    SafeRichTextField,
    SiteRenditionField,
)
from livecasts.calendar import CALENDAR_ROUTE, series_calendar_response
from livecasts.feeds import SeriesAtomFeed, SeriesRssFeed
from livecasts.localization import localize_all
from livecasts.models.episodes import EpisodePage
from livecasts.models.mixins import (
    BodyMixin,
    HeroImageMixin,
    IntroMixin,
    PageMetadataMixin,
    RolePermissionsMixin,
    StableSlugMixin,
)


class SeriesPage(
    RolePermissionsMixin,
    PageMetadataMixin,
    RoutablePageMixin,
    StableSlugMixin,
    IntroMixin,
    HeroImageMixin,
    BodyMixin,
    Page,
):
    """Lists its episodes, upcoming and past, and offers them as feeds and a calendar."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["livecasts.EpisodePage"]
    description_fields = ("search_description", "strap_line", "intro")

    strap_line = models.CharField(
        _("strap line"),
        max_length=160,
        blank=True,
        help_text=_("One line under the title that says what the series is about."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("strap_line"),
        *IntroMixin.intro_panels,
        *HeroImageMixin.hero_panels,
        InlinePanel("organisers", heading=_("Organisers")),
        *BodyMixin.body_panels,
    ]
    search_fields = [
        *Page.search_fields,
        *IntroMixin.search_fields,
        *BodyMixin.search_fields,
        index.SearchField("strap_line"),
    ]
    api_fields = [
        APIField("strap_line"),
        APIField("intro", SafeRichTextField()),
        APIField("hero_image"),
        APIField("hero_image_thumbnail", SiteRenditionField("fill-1200x630", source="hero_image")),
        APIField("organisers", OrganisersField()),
        APIField("body"),
        APIField("links", RouteLinksField(["calendar", "rss_feed", "atom_feed"])),
    ]

    class Meta:
        verbose_name = _("series")
        verbose_name_plural = _("series")

    @re_path(CALENDAR_ROUTE, name="calendar")
    def calendar_view(self, request):
        return series_calendar_response(self, request)

    @path("feed/rss/", name="rss_feed")
    def rss_feed_view(self, request):
        return SeriesRssFeed()(request, series=self)

    @path("feed/atom/", name="atom_feed")
    def atom_feed_view(self, request):
        return SeriesAtomFeed()(request, series=self)

    def get_cached_paths(self):
        """The page, its feeds and its calendar: what a CDN purge on publish must cover."""
        routes = ("rss_feed", "atom_feed", "calendar")
        return ["/", *(self.reverse_subpage(name) for name in routes)]

    def get_route_url(self, route_name, request=None):
        """Absolute URL of this series' calendar ("calendar") or feeds ("rss_feed", "atom_feed")."""
        return route_full_url(self, route_name, request)

    def episodes(self):
        """Live episodes in this page's language, ordered by date then number (not tree order)."""
        return (
            EpisodePage.objects.child_of(self)
            .live()
            .public()
            .select_related("city", "hero_image", "locale")
            .order_by("date", "start_time", "number")
        )

    def split_episodes(self):
        """(upcoming, past): upcoming soonest first with live ones at the top, past latest first."""
        upcoming, past = [], []
        for episode in self.episodes():
            (past if episode.state.is_past else upcoming).append(episode)
        upcoming.sort(key=lambda episode: not episode.state.is_live)
        past.reverse()
        return upcoming, past

    def calendar_subscription_url(self, request=None):
        """The calendar's address as webcal://, which opens the reader's calendar app to
        subscribe (the app then fetches it over HTTP(S) and keeps it up to date)."""
        url = self.get_route_url("calendar", request)
        return "webcal://" + url.split("://", 1)[1] if url else ""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["upcoming_episodes"], context["past_episodes"] = self.split_episodes()
        context["organisers"] = self.organisers_in_reader_language()
        context["calendar_subscription_url"] = self.calendar_subscription_url(request)
        return context

    def organisers_in_reader_language(self):
        """Organisers in the page's language, found with one query however many there are."""
        links = self.organisers.select_related("organisation")
        return localize_all([link.organisation for link in links], self.locale)


class SeriesOrganisation(Orderable):
    page = ParentalKey(SeriesPage, on_delete=models.CASCADE, related_name="organisers")
    organisation = models.ForeignKey(
        "livecasts.OrganisationPage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("organisation"),
    )

    panels = [FieldPanel("organisation")]

    class Meta(Orderable.Meta):
        verbose_name = _("organiser")
        verbose_name_plural = _("organisers")
