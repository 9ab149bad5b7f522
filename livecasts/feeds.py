"""RSS 2.0 and Atom 1.0 feeds of a series' episodes, one pair per language.

The series page serves them from its own routes (feed/rss/, feed/atom/), so each feed speaks
the language of the page it hangs from and links to pages in that language.

Items are about broadcasts, not about CMS publishing: newest broadcast first (so upcoming
episodes lead), each dated by its broadcast start (Amsterdam time; the day's midnight while the
time is to be announced), updated when last published, and saying in its text when it is and
whether it was cancelled, postponed or moved. A feed holds the latest FEED_ITEMS broadcasts,
so it stays small however long the series runs.

An episode that has taken place and has a recording also carries it for podcast and video apps:
its length (itunes:duration, in seconds), the recording's page as a Media RSS player and, where
it has chapters, its Podcasting 2.0 chapters file (podcast:chapters, see chapters_json.py).
"""

from django.contrib.syndication.views import Feed
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from citymakers.addresses import route_full_url
from citymakers.public_caching import cache_publicly
from livecasts.broadcast_text import headline, when
from livecasts.chapters_json import CHAPTERS_CONTENT_TYPE, CHAPTERS_JSON_ROUTE_NAME
from livecasts.localization import with_related_in_their_language
from livecasts.safe_urls import safe_web_address

FEED_ITEMS = 50

PODCAST_NAMESPACE = "https://podcastindex.org/namespace/1.0"
ITUNES_NAMESPACE = "http://www.itunes.com/dtds/podcast-1.0.dtd"
MEDIA_NAMESPACE = "http://search.yahoo.com/mrss/"


def podcast_elements(episode, request):
    """The Podcasting 2.0 elements of a recorded episode's item, as (name, attributes)."""
    elements = []
    if episode.chapters_in_language:
        chapters_url = route_full_url(episode, CHAPTERS_JSON_ROUTE_NAME, request)
        elements.append(("podcast:chapters", {"url": chapters_url, "type": CHAPTERS_CONTENT_TYPE}))
    language = episode.player_captions_language
    if language:
        captions_url = route_full_url(episode, "captions", request, language=language)
        elements.append(
            (
                "podcast:transcript",
                {"url": captions_url, "type": "text/vtt", "language": language, "rel": "captions"},
            )
        )
    return elements


def recording_of(episode, request):
    """What an item says of the episode's recording, or None before it has taken place or
    without a recording."""
    address = safe_web_address(episode.recording_url)
    if not address or not episode.state.is_past:
        return None
    return {
        "address": address,
        "seconds": episode.duration_minutes * 60,
        "podcast_elements": podcast_elements(episode, request),
    }


class RecordingElements:
    """Writes an item's recording (see recording_of) in the namespaces apps read."""

    namespaces = {"xmlns:podcast": PODCAST_NAMESPACE, "xmlns:media": MEDIA_NAMESPACE}

    def add_recording_elements(self, handler, recording):
        # The recording is a YouTube or Vimeo page, not a media file, so it is no <enclosure>
        # and no podcast:alternateEnclosure (both need a file's or a stream's media type). Media
        # RSS has the element for a web player, media:player, which feed readers and video apps
        # that read Media RSS (as YouTube's own feeds use) offer as "watch"; a media:content
        # without a file address must hold one, and says it is a video and how long it lasts.
        handler.startElement(
            "media:content", {"medium": "video", "duration": str(recording["seconds"])}
        )
        handler.addQuickElement("media:player", None, {"url": recording["address"]})
        handler.endElement("media:content")
        for name, attributes in recording["podcast_elements"]:
            handler.addQuickElement(name, None, attributes)


class RecordingRssFeed(RecordingElements, Rss201rev2Feed):
    def rss_attributes(self):
        return {**super().rss_attributes(), **self.namespaces, "xmlns:itunes": ITUNES_NAMESPACE}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if recording := item.get("recording"):
            handler.addQuickElement("itunes:duration", str(recording["seconds"]))
            self.add_recording_elements(handler, recording)


class RecordingAtomFeed(RecordingElements, Atom1Feed):
    def root_attributes(self):
        return {**super().root_attributes(), **self.namespaces}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if recording := item.get("recording"):
            handler.addQuickElement("link", None, {"rel": "related", "href": recording["address"]})
            self.add_recording_elements(handler, recording)


class SeriesRssFeed(Feed):
    """The live episodes of one series in one language, newest broadcast first."""

    feed_type = RecordingRssFeed
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
        latest = series.episodes().reverse()[:FEED_ITEMS]
        return with_related_in_their_language(latest, related=("city", "chapters"))

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

    def item_extra_kwargs(self, episode):
        return {"recording": recording_of(episode, self.request)}


class SeriesAtomFeed(SeriesRssFeed):
    feed_type = RecordingAtomFeed
    route_name = "atom_feed"

    def subtitle(self, series):
        return self.description(series)
