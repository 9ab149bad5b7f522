"""The content generation: a number that every change to what readers see replaces.

Cached pages (citymakers/page_cache.py) and whatever is read from the page tree (routes, menus,
translations, view restrictions, footer) are kept under the current generation, so one
increment on publish, unpublish, move or deletion retires them all at once."""

import uuid

from django.core.cache import cache
from django.db import transaction
from django.utils.functional import SimpleLazyObject

GENERATION_KEY = "page-cache:generation"


def current():
    return cache.get_or_set(GENERATION_KEY, 1, timeout=None)


def content_key(key):
    """`key` within the current generation: gone with the next content change."""
    return f"tree:{current()}:{key}"


def kept_until_content_changes(key, build, seconds=3600):
    """`build()`, kept in the cache under the current generation: whatever is read from the page
    tree (menu, translations, footer) is built once per content change, not per request."""
    return cache.get_or_set(content_key(key), build, seconds)


def empty_page_cache(**kwargs):
    """Signal receiver: retire every cached page and tree fact at once, and again when the
    change is committed, since a reader in between may have kept what it read before it."""
    _next_generation()
    transaction.on_commit(_next_generation)


def _next_generation():
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 1, timeout=None)


def for_templates(request):
    """Context processor: `content_generation` for the keys of `{% cache %}` fragments that
    depend on content only. A preview renders unsaved content under the live page's id, so it
    gets a key of its own that nothing else will read."""
    if getattr(request, "is_preview", False):
        return {"content_generation": f"preview-{uuid.uuid4().hex}"}
    return {"content_generation": SimpleLazyObject(current)}
