"""When an episode is published or unpublished, purge from the CDN everything that shows it.

Wagtail's frontend cache purges the published page itself. An episode also appears on its
series page (with the series' feeds and calendar), on the home page, on the pages of the
organisations it names and in the API, in every language: those are purged here too, through
wagtail.contrib.frontend_cache's PurgeBatch once the publish is committed. API listings are
purged without a query string and per language and type; other query strings rely on their
max-age, which never outlives the next state change (site/cache_lifetimes.py)."""

from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends
from wagtail.models import Page

EPISODE_TYPE = "livecasts.EpisodePage"


def pages_showing(episode):
    """The episode, its series, the home page and its organisations, in every language."""
    series = episode.get_parent()
    keys = [episode.translation_key, series.translation_key, series.get_parent().translation_key]
    organisations = [link.organisation_id for link in episode.organisations.all()]
    named = Page.objects.filter(pk__in=organisations).values("translation_key")
    return Page.objects.filter(Q(translation_key__in=keys) | Q(translation_key__in=named))


def api_urls(root_url, pages):
    """The API's detail of each page and its page listings, plain and per language."""
    listing = root_url + reverse("wagtailapi:pages:listing")
    languages = sorted({page.locale.language_code for page in pages})
    queries = ["", f"?type={EPISODE_TYPE}"]
    for language in languages:
        queries += [f"?locale={language}", f"?type={EPISODE_TYPE}&locale={language}"]
    details = [root_url + reverse("wagtailapi:pages:detail", args=[page.pk]) for page in pages]
    return details + [listing + query for query in queries]


def purge_episode_listings(sender, instance, **kwargs):
    """Signal receiver for page_published and page_unpublished of an episode."""
    if not get_backends():
        return
    batch = PurgeBatch()
    pages = list(pages_showing(instance).select_related("locale").specific())
    batch.add_pages(pages)
    root_url = instance.get_site().root_url
    batch.add_urls(api_urls(root_url, pages))
    transaction.on_commit(batch.purge)
