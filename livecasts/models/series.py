"""A series of livecasts, such as Infected Cities, and the organisations behind it."""

from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Orderable, Page
from wagtail.search import index

from citymakers.addresses import route_full_url
from citymakers.content_generation import kept_until_content_changes
from citymakers.view_restrictions import public
from livecasts.api_fields import (
    OrganisersField,
    RouteLinksField,
    SafeRichTextField,
    SiteRenditionField,
)
from livecasts.calendar import CALENDAR_ROUTE, series_calendar_response
from livecasts.feeds import SeriesAtomFeed, SeriesRssFeed
from livecasts.listing_pages import frozen, kept_listing
from livecasts.localization import localize_all, with_cities_in_their_language
from livecasts.models.episodes import EpisodePage
from livecasts.models.mixins import (
    BodyMixin,
    HeroImageMixin,
    IntroMixin,
    PageMetadataMixin,
    RolePermissionsMixin,
    StableSlugMixin,
)
from livecasts.schedule import BROADCAST_ORDER, by_the_clock, may_not_be_over

PAST_EPISODES_PER_PAGE = 12
# Upcoming episodes listed on the series page; the calendar has them all.
UPCOMING_SHOWN = 12


class PastEpisodes:
    """Past episodes, latest first, for a Paginator: the recent ones the clock placed, then the
    older ones sliced in the database, so a page costs the same with 20 or 2,000 episodes."""

    def __init__(self, recent, older):
        self.recent, self.older = recent, older

    def count(self):
        return len(self.recent) + self.older.count()

    def __len__(self):
        return self.count()

    def __iter__(self):
        return iter(self.recent + list(self.older))

    def __getitem__(self, window):
        start, stop = window.start or 0, window.stop
        in_older = slice(max(0, start - len(self.recent)), max(0, stop - len(self.recent)))
        older = list(self.older[in_older]) if in_older.stop > in_older.start else []
        return self.recent[start:stop] + older


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
        # English "series" is singular and plural; the contexts let each language differ.
        verbose_name = pgettext_lazy("one series (page type)", "series")
        verbose_name_plural = pgettext_lazy("several series (page type)", "series")

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
            public(EpisodePage.objects.child_of(self).live())
            .select_related("city", "hero_image", "locale")
            .order_by(*BROADCAST_ORDER)
        )

    def split_episodes(self):
        """(upcoming, how many more are upcoming, past): the next UPCOMING_SHOWN episodes soonest
        first with live ones at the top, and past ones latest first.

        Only episodes dated from yesterday to tomorrow need the clock to place them (see
        by_the_clock); every older one is past, so the past list is sliced in the database (see
        PastEpisodes)."""
        now = timezone.now()
        episodes = self.episodes().defer_streamfields()
        upcoming, more, recent_past = by_the_clock(episodes, now, UPCOMING_SHOWN, count_more=True)
        older = episodes.exclude(may_not_be_over(now)).reverse()
        return upcoming, more, PastEpisodes(recent_past, older)

    def listing(self, page_number):
        """(upcoming, how many more are upcoming, the page of past episodes asked for), with
        their cities in their language."""
        upcoming, more, past = self.split_episodes()
        past_page = frozen(Paginator(past, PAST_EPISODES_PER_PAGE).get_page(page_number))
        with_cities_in_their_language([*upcoming, *past_page.object_list])  # sets them in place
        return upcoming, more, past_page

    def calendar_subscription_url(self, request=None):
        """The calendar's address as webcal://, which opens the reader's calendar app to
        subscribe (the app then fetches it over HTTP(S) and keeps it up to date)."""
        url = self.get_route_url("calendar", request)
        return "webcal://" + url.split("://", 1)[1] if url else ""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        upcoming, more_upcoming, past_page = kept_listing(
            f"series-listing:{self.pk}", request, self.listing
        )
        context["upcoming_episodes"], context["past_episodes"] = upcoming, past_page
        context["more_upcoming"] = more_upcoming
        context["listing_page"] = past_page
        context["organisers"] = self.organisers_in_reader_language()
        context["calendar_subscription_url"] = self.calendar_subscription_url(request)
        return context

    def organisers_in_reader_language(self):
        """Organisers in the page's language, read once per content change."""
        return kept_until_content_changes(f"series-organisers:{self.pk}", self._read_organisers)

    def _read_organisers(self):
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
