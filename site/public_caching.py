"""How long browsers and CDNs may keep a public page, feed, calendar or API response.

The page cache (site/page_cache.py) then shortens every such lifetime to the next
moment an episode starts or ends (site/cache_lifetimes.py)."""

from django.conf import settings
from django.utils.cache import patch_cache_control


def public_max_age():
    return max(getattr(settings, "PAGE_CACHE_SECONDS", 0), 60)


def cache_publicly(response, page):
    """Let browsers and CDNs keep a page's feed or calendar, unless the page is restricted."""
    if page.get_view_restrictions().exists():
        patch_cache_control(response, private=True, no_cache=True)
    else:
        patch_cache_control(response, public=True, max_age=public_max_age())
    return response
