"""A series of livecasts, such as Infected Cities, and the organisations behind it."""

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Orderable, Page
from wagtail.search import index

from livecasts.calendar import CALENDAR_ROUTE, series_calendar_response
from livecasts.feeds import SeriesAtomFeed, SeriesRssFeed
from livecasts.models.mixins import BodyMixin, HeroImageMixin, IntroMixin, StableSlugMixin
from livecasts.schedule import LIVE, PAST


def route_full_url(page, route_name, request=None):
    """The absolute URL of one of a routable page's sub-routes, or None if the page has no URL."""
    page_url = page.get_full_url(request)
    return page_url + page.reverse_subpage(route_name) if page_url else None


class PageLanguageField(serializers.Field):
    """API field built from the whole page with the page's own language switched on.

    `.localized` follows the active language, and the API lives outside the language prefix:
    without this, a Greek episode would list its English city and speakers.
    """

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        with translation.override(page.locale.language_code):
            return self.represent(page, self.context.get("request"))

    def represent(self, page, request):
        raise NotImplementedError


class RouteLinksField(PageLanguageField):
    """The absolute URLs of a page's feeds and calendar, keyed by route name."""

    def __init__(self, route_names, **kwargs):
        self.route_names = route_names
        super().__init__(**kwargs)

    def represent(self, page, request):
        return {name: route_full_url(page, name, request) for name in self.route_names}


class OrganisersField(PageLanguageField):
    """The series' organisers in its language, as id, title and absolute URL."""

    def represent(self, page, request):
        return [
            {
                "id": organiser.pk,
                "title": organiser.title,
                "html_url": organiser.get_full_url(request),
            }
            for organiser in page.get_organisers()
        ]


class SeriesPage(RoutablePageMixin, StableSlugMixin, IntroMixin, HeroImageMixin, BodyMixin, Page):
    """Lists its episodes, upcoming and past, and offers them as feeds and a calendar."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["livecasts.EpisodePage"]

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
        InlinePanel("organisers", label=_("Organisers")),
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
        APIField("intro"),
        APIField("hero_image"),
        APIField("hero_image_thumbnail", ImageRenditionField("fill-1200x630", source="hero_image")),
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

    def get_route_url(self, route_name, request=None):
        """Absolute URL of this series' calendar ("calendar") or feeds ("rss_feed", "atom_feed")."""
        return route_full_url(self, route_name, request)

    def episodes(self):
        """Live episodes in this page's language, ordered by date then number (not tree order)."""
        from livecasts.models import EpisodePage

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
            (past if episode.state == PAST else upcoming).append(episode)
        upcoming.sort(key=lambda episode: episode.state != LIVE)
        past.reverse()
        return upcoming, past

    def upcoming_episodes(self):
        return self.split_episodes()[0]

    def past_episodes(self):
        return self.split_episodes()[1]

    def get_organisers(self):
        return [
            link.organisation.localized for link in self.organisers.select_related("organisation")
        ]


class SeriesOrganisation(Orderable):
    page = ParentalKey(SeriesPage, on_delete=models.CASCADE, related_name="organisers")
    organisation = models.ForeignKey(
        "livecasts.OrganisationPage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("organisation"),
    )

    panels = [FieldPanel("organisation")]
