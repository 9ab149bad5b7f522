"""RSS 2.0 and Atom 1.0 feeds of a series' episodes, one pair per language.

The series page serves them from its own routes (feed/rss/, feed/atom/), so each feed speaks
the language of the page it hangs from and links to pages in that language.

Items are about broadcasts, not about CMS publishing: newest broadcast first (so upcoming
episodes lead), each dated by its broadcast start (Amsterdam time; the day's midnight while the
time is to be announced), updated when last published, and saying in its text when it is and
whether it was cancelled, postponed or moved. A feed holds the latest FEED_ITEMS broadcasts,
so it stays small however long the series runs.
"""

from django.contrib.syndication.views import Feed
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from citymakers.public_caching import cache_publicly
from livecasts.broadcast_text import headline, when
from livecasts.localization import with_cities_in_their_language

FEED_ITEMS = 50


class SeriesRssFeed(Feed):
    """The live episodes of one series in one language, newest broadcast first."""

    feed_type = Rss201rev2Feed
    route_name = "rss_feed"

    def __call__(self, request, series):
        return cache_publicly(super().__call__(request, series=series), series)

    def get_object(self, request, series):
        self.request = request
        self.language = series.locale.language_code
        return series

    def title(self, series):
        return series.title

    def link(self, series):
        return series.get_full_url(self.request)

    def feed_url(self, series):
        return series.get_route_url(self.route_name, self.request)

    def description(self, series):
        text = series.strap_line or series.search_description or strip_tags(series.intro)
        if text.strip():
            return text.strip()
        with translation.override(self.language):
            return _("Episodes of %(series)s") % {"series": series.title}

    def items(self, series):
        return with_cities_in_their_language(series.episodes().reverse()[:FEED_ITEMS])

    def item_title(self, episode):
        with translation.override(self.language):
            return headline(episode.title, episode.status)

    def item_description(self, episode):
        with translation.override(self.language):
            parts = (episode.status_sentence, when(episode.broadcast), episode.summary)
        return "\n\n".join(part for part in parts if part)

    def item_link(self, episode):
        return episode.get_full_url(self.request)

    def item_pubdate(self, episode):
        return episode.broadcast.starts_at

    def item_updateddate(self, episode):
        return episode.last_published_at or episode.broadcast.starts_at

    def item_categories(self, episode):
        city = episode.localized_city
        return [city.name] if city else []


class SeriesAtomFeed(SeriesRssFeed):
    feed_type = Atom1Feed
    route_name = "atom_feed"

    def subtitle(self, series):
        return self.description(series)
