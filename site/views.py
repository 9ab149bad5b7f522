"""Site-wide endpoints that live outside the language prefix."""

import uuid

from django.conf import settings
from django.contrib.sitemaps.views import SitemapIndexItem
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap

from citymakers.addresses import absolute_url
from citymakers.sitemaps import LocalisedPagesSitemap


def database_answers():
    """True when the database runs a trivial query."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return False
    return True


def _cache_answers():
    """A value written to the cache can be read back (a resilient cache drops it when down)."""
    token = uuid.uuid4().hex
    cache.set("healthz", token, timeout=10)
    return cache.get("healthz") == token


@require_GET
@never_cache
def healthz(request):
    """200 "ok"; 200 "degraded" when only the cache is down (pages are served uncached);
    503 "unavailable" when the database does not answer."""
    database, cache_ok = database_answers(), _cache_answers()
    status = "ok" if database and cache_ok else "degraded" if database else "unavailable"
    body = {
        "status": status,
        "database": "ok" if database else "unreachable",
        "cache": "ok" if cache_ok else "unreachable",
    }
    return JsonResponse(body, status=200 if database else 503)


@require_GET
def bench_ceiling(request):
    """The benchmark's ceiling: no query, no template, every middleware (BENCH=true only)."""
    return HttpResponse("ok", content_type="text/plain")


@require_GET
@cache_control(max_age=3600, public=True)
def robots_txt(request):
    sitemap_url = absolute_url(reverse("sitemap"), request)
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /*/search/",
        f"Sitemap: {sitemap_url}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def sitemap_sections(request):
    return {code: LocalisedPagesSitemap(request, code) for code, _name in settings.LANGUAGES}


@cache_control(max_age=3600, public=True)
def sitemap_index(request):
    """Every section's address (and each of its pages'), on the Site's own address."""
    entries = []
    for code, section in sitemap_sections(request).items():
        address = absolute_url(reverse("sitemap_section", kwargs={"section": code}), request)
        entries.append(SitemapIndexItem(address, None))
        pages = range(2, section.paginator.num_pages + 1)
        entries += [SitemapIndexItem(f"{address}?p={page}", None) for page in pages]
    return TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": entries}, content_type="application/xml"
    )


@cache_control(max_age=3600, public=True)
def sitemap_section(request, section):
    return wagtail_sitemap(request, sitemaps=sitemap_sections(request), section=section)


def csrf_failure(request, reason=""):
    """A form refused for a missing or stale CSRF token: a 403 page in the reader's language,
    styled by the site's own stylesheet (Django's default uses an inline style the CSP blocks)."""
    return render(request, "403_csrf.html", status=403)


@require_GET
@never_cache
def choose_language(request, code):
    """The language switcher's links: the reader's choice is kept in Django's language cookie,
    which LocaleMiddleware reads for "/" before Accept-Language, then on to the page chosen."""
    if code not in dict(settings.LANGUAGES):
        raise Http404
    next_url = request.GET.get("next", "")
    safe = url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    if not (safe and next_url.startswith(f"/{code}/")):
        next_url = f"/{code}/"
    response = HttpResponseRedirect(next_url)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response
