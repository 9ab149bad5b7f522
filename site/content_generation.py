"""The content generation: a number that every change to what readers see replaces.

Cached pages (citymakers/page_cache.py) and whatever is read from the page tree (routes, menus,
translations, view restrictions, footer) are kept under the current generation, so one
increment on publish, unpublish, move or deletion retires them all at once. An entry under a
generation therefore never changes, which lets each process keep a copy in memory
(citymakers/content_cache.py).

A request reads the generation once (RequestGenerationMiddleware) and renders everything under
it. A new generation starts at a random number, so after the cache server lost its data no
generation can come back and meet what was kept under it before."""

import contextvars
import secrets
import uuid

from django.core.cache import cache, caches
from django.db import transaction
from django.utils.functional import SimpleLazyObject

GENERATION_KEY = "page-cache:generation"
_this_request = contextvars.ContextVar("content_generation", default=None)


def _new_generation():
    return secrets.randbits(62)


def _read():
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, _new_generation(), timeout=None)
        generation = cache.get(GENERATION_KEY)
    if generation is None:
        # The cache cannot be reached: a key nothing will read again, so nothing is shared.
        return f"unshared-{uuid.uuid4().hex}"
    return generation


def current():
    remembered = _this_request.get()
    if remembered is None:
        return _read()
    if remembered[0] is None:
        remembered[0] = _read()
    return remembered[0]


def remember_for_this_request(generation):
    """What the page cache read together with its entry, so that it is not read again."""
    remembered = _this_request.get()
    if remembered is not None and remembered[0] is None:
        remembered[0] = generation


def content_key(key):
    """`key` within the current generation: gone with the next content change."""
    return f"tree:{current()}:{key}"


def kept_until_content_changes(key, build, seconds=3600):
    """`build()`, kept under the current generation: whatever is read from the page tree
    (menu, translations, footer) is built once per content change, not per request."""
    return caches["content"].get_or_set(content_key(key), build, seconds)


def empty_page_cache(**kwargs):
    """Signal receiver: retire every cached page and tree fact at once, and again when the
    change is committed, since a reader in between may have kept what it read before it."""
    _next_generation()
    transaction.on_commit(_next_generation)


def _next_generation():
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, _new_generation(), timeout=None)
    remembered = _this_request.get()
    if remembered is not None:
        remembered[0] = None  # this request reads the new one if it reads on


class RequestGenerationMiddleware:
    """One reading of the generation per request, wherever it is needed."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _this_request.set([None])
        try:
            return self.get_response(request)
        finally:
            _this_request.reset(token)


def for_templates(request):
    """Context processor: `content_generation` for the keys of `{% cache %}` fragments that
    depend on content only. A preview renders unsaved content under the live page's id, so it
    gets a key of its own that nothing else will read."""
    if getattr(request, "is_preview", False):
        return {"content_generation": f"preview-{uuid.uuid4().hex}"}
    return {"content_generation": SimpleLazyObject(current)}
