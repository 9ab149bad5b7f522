"""Whole-page caching for anonymous readers, emptied whenever published content changes.

Responses live in the default cache (Redis in production, shared by every app instance),
under a generation number that any publish, unpublish, move or delete increments."""

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import patch_cache_control

GENERATION_KEY = "page-cache:generation"
LANGUAGE_PREFIXES = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)


def _generation():
    return cache.get_or_set(GENERATION_KEY, 1, timeout=None)


def empty_page_cache(**kwargs):
    """Signal receiver: forget every cached page at once."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 1, timeout=None)


def _cacheable_request(request):
    return (
        request.method in ("GET", "HEAD")
        and not request.GET
        and request.path.startswith(LANGUAGE_PREFIXES)
        and "/search/" not in request.path
        and not request.user.is_authenticated
    )


def _cacheable_response(response):
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and response.get("Content-Type", "").startswith("text/html")
        and "no-cache" not in response.get("Cache-Control", "")
    )


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = getattr(settings, "PAGE_CACHE_SECONDS", 0)
        if not _cacheable_request(request):
            response = self.get_response(request)
            if request.user.is_authenticated:
                patch_cache_control(response, private=True, no_cache=True)
            return response
        key = f"page-cache:{_generation()}:{request.get_host()}:{request.path}"
        cached = cache.get(key) if seconds else None
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if _cacheable_response(response):
            patch_cache_control(response, public=True, max_age=max(seconds, 60))
            if seconds:
                cache.set(key, response, seconds)
        return response
