"""Whole-page caching for anonymous readers, emptied whenever published content changes.

Responses live in the default cache (Redis in production, shared by every app instance),
stamped with a generation number that any publish, unpublish, move or deletion of content
increments; a hit is one round trip (the generation and the entry are read together). Campaign
tags in the query string (`utm_*`, `fbclid`...) are read by no view, so they share the page's
entry. Entries are compressed or not as the reader accepts. No entry and no max-age outlives
the next start or end of an episode (site/cache_lifetimes.py).
A page under a view restriction (its own or an ancestor's) is never cached, here or by a CDN,
and any change to a restriction empties the cache, so privacy applies from the next request."""

import re

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.utils.cache import get_max_age, patch_cache_control
from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Locale, Page, Site

from citymakers.cache_lifetimes import (
    cap_cache_lifetime,
    limit_lifetime,
    next_episode_state_change,
    seconds_until,
)
from citymakers.content_generation import (
    GENERATION_KEY,
    empty_page_cache,
    remember_for_this_request,
)
from citymakers.content_generation import current as current_generation
from citymakers.public_caching import public_max_age
from citymakers.query_parameters import is_campaign_tag
from livecasts.models import City, Person

ACCEPTS_GZIP = re.compile(r"\bgzip\b")  # as Django's GZipMiddleware reads Accept-Encoding
# Pages, the series' feeds and calendars that feed readers and calendar apps poll, and the
# episodes' chapters files podcast apps fetch.
CACHED_TYPES = (
    "text/html",
    "text/calendar",
    "application/rss+xml",
    "application/atom+xml",
    "application/json+chapters",
)
LANGUAGE_PREFIXES = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)


# What readers see: deleting one of these empties the cache; deleting a session, a log entry or
# a rendition does not.
CONTENT_MODELS = (Page, Site, Locale, AbstractImage, AbstractDocument, Person, City)


def content_deleted(instance, **kwargs):
    """post_delete receiver: empty the cache when the deleted object is content."""
    if isinstance(instance, CONTENT_MODELS):
        empty_page_cache()


def view_restriction_changed(instance, action="post_save", **kwargs):
    """Signal receiver for PageViewRestriction saves, deletes and group changes: forget every
    cached page, and purge the page and its subpages from the CDN if one is configured."""
    if not action.startswith("post_"):
        return
    empty_page_cache()
    page = Page.objects.filter(pk=getattr(instance, "page_id", None)).first()
    if page and settings.WAGTAILFRONTENDCACHE:
        purge_pages_from_cache(page.get_descendants(inclusive=True).live())


def mark_restricted_page(page, request, serve_args, serve_kwargs):
    """before_serve_page hook: the response to a restricted page, whatever it shows (the page
    after a password, the password form, a login redirect), is for this reader only."""
    if page.get_view_restrictions().exists():
        request.page_cache_private = True


def _keep_private(response):
    patch_cache_control(response, private=True, no_cache=True, no_store=True)


def _capped(response, generation=None):
    """The response, kept no longer than the next episode start or end (if it may be kept).
    Responses that do not depend on episodes (uploaded images) set `fixed_lifetime`."""
    if get_max_age(response) is None or getattr(response, "fixed_lifetime", False):
        return response
    return cap_cache_lifetime(response, generation or current_generation())


def _cacheable_request(request):
    return (
        request.method in ("GET", "HEAD")
        and all(is_campaign_tag(name) for name in request.GET)
        and request.path.startswith(LANGUAGE_PREFIXES)
        and "/search/" not in request.path
        and "/_util/" not in request.path  # Wagtail's password form for restricted pages
        and not request.user.is_authenticated
    )


def _cacheable_response(response):
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and response.get("Content-Type", "").startswith(CACHED_TYPES)
        and "no-cache" not in response.get("Cache-Control", "")
    )


def _entry_key(request):
    encoding = "gzip" if ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")) else ""
    return f"page-cache:{request.get_host()}:{request.path}:{encoding}"


def _from_cache(entry, generation):
    """A stored entry's response if it belongs to this generation, its lifetime capped at the
    next episode start or end known when it was stored."""
    stored_generation, next_change, response = entry
    if stored_generation != generation:
        return None
    response["X-Page-Cache"] = "hit"
    return limit_lifetime(response, seconds_until(next_change))


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = getattr(settings, "PAGE_CACHE_SECONDS", 0)
        if not _cacheable_request(request):
            response = self.get_response(request)
            if getattr(request, "page_cache_private", False):
                _keep_private(response)
            elif not getattr(response, "fixed_lifetime", False) and request.user.is_authenticated:
                patch_cache_control(response, private=True, no_cache=True)
            return _capped(response)
        key = _entry_key(request)
        found = cache.get_many([GENERATION_KEY, key]) if seconds else {}
        if GENERATION_KEY in found:
            remember_for_this_request(found[GENERATION_KEY])
        generation = current_generation()
        if key in found and (cached := _from_cache(found[key], generation)):
            return cached
        response = self.get_response(request)
        private = getattr(request, "page_cache_private", False)
        if private:
            _keep_private(response)
        storable = not private and _cacheable_response(response)
        if storable:
            patch_cache_control(response, public=True, max_age=public_max_age())
        lifetime = min(seconds, get_max_age(_capped(response, generation)) or 0)
        if storable and lifetime > 0:
            self._store(key, generation, response, lifetime)
        return response

    @staticmethod
    def _store(key, generation, response, lifetime):
        try:
            next_change = next_episode_state_change(generation)  # cached by _capped
        except DatabaseError:
            return
        cache.set(key, (generation, next_change, response), lifetime)
