"""Absolute addresses, built one way: from the Wagtail Site record, never the request's host.

`SITE_URL` (e.g. `https://citymakers.example.org`) is written into the default Site by
`manage.py configure_site`. Pages use Wagtail's `get_full_url(request)` / `{% fullpageurl %}`,
which read the same record; everything else (robots.txt, images, feed and calendar routes)
goes through `absolute_url` here.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Site

DEFAULT_PORTS = {"http": 80, "https": 443}


def parse_site_url(value):
    """(hostname, port) for an address such as `https://example.org` or `http://host:8000`.

    Wagtail's Site knows only a hostname and a port (443 means https, anything else http), so
    an address it could not give back unchanged is refused with ValueError.
    """
    try:
        parts = urlsplit((value or "").strip())
        port = parts.port
    except ValueError as error:
        raise ValueError(f"{value!r} is not a valid address: {error}") from None
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise ValueError(f"{value!r} is not an http:// or https:// address with a host name")
    if parts.path.strip("/") or parts.query or parts.fragment or parts.username:
        raise ValueError(f"{value!r} must be a bare origin, without path, query or user")
    port = port or DEFAULT_PORTS[parts.scheme]
    if (parts.scheme == "https") != (port == 443):
        raise ValueError(f"{value!r}: Wagtail serves https on port 443 only, http on any other")
    return parts.hostname, port


def site_root_url(request=None):
    """The root URL (`https://host`) of the request's Wagtail Site, or of the default one."""
    site = Site.find_for_request(request) if request is not None else None
    site = site or Site.objects.filter(is_default_site=True).first()
    return site.root_url if site else ""


def absolute_url(url, request=None):
    """`url` on the Site's root when it is a path; already absolute addresses stay as they are
    (media on a CDN or object storage)."""
    if not url or not url.startswith("/") or url.startswith("//"):
        return url
    return site_root_url(request) + url


def route_full_url(page, route_name, request=None, **route_kwargs):
    """The absolute URL of one of a routable page's sub-routes, or None if the page has no URL."""
    page_url = page.get_full_url(request)
    if not page_url:
        return None
    return page_url + page.reverse_subpage(route_name, kwargs=route_kwargs or None)


def x_default_address(addresses):
    """The address for hreflang="x-default" among {language code: address}: the default
    language's (Wagtail's default locale, from LANGUAGE_CODE), else the first one."""
    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    return addresses.get(default) or next(iter(addresses.values()), None)


def check_site_url(app_configs=None, **kwargs):
    """Deploy check: without a valid SITE_URL, Wagtail's Site keeps the first migration's
    `localhost`, and every sitemap, feed, calendar and API link would point there."""
    if not settings.SITE_URL:
        return [
            checks.Warning(
                "SITE_URL is not set: absolute links would follow Wagtail's Site record, "
                "which says localhost until configured.",
                hint="Set SITE_URL=https://your.host and run `manage.py configure_site`.",
                id="citymakers.W001",
            )
        ]
    try:
        parse_site_url(settings.SITE_URL)
    except ValueError as error:
        return [checks.Error(f"SITE_URL: {error}", id="citymakers.E001")]
    return []
