"""Page addresses resolved once per content change, not on every request.

Wagtail finds the page for an address by walking the tree: the Site for the host, the root page
in the reader's language, then a query or two per level. The answer depends only on the tree,
so it is remembered under the page cache's generation, which every publish, unpublish, move,
slug change and deletion replaces, together with the page as it was read: a warm request reads
no page at all. Wagtail's serve view takes the site and the route from where
Site.find_for_request and Page.route_for_request keep them on the request. Only addresses that
lead to a page are remembered: unknown addresses cannot fill the cache."""

from django.core.cache import caches
from django.http import Http404
from django.utils.translation import get_language
from wagtail import views as wagtail_views
from wagtail.models import Page

from citymakers.content_generation import content_key

REMEMBERED_SECONDS = 3600


def _route_key(request, components):
    return content_key(f"page-route:{request.get_host()}:{get_language()}:{'/'.join(components)}")


def _remember(key, request, route):
    page = route[0]
    site = request._wagtail_site
    page.locale  # noqa: B018 -- read now, kept with the page
    # The address components the page's own place in the tree takes; the rest are its own
    # routes (a series' feeds and calendar).
    own_components = page.depth - site.root_page.depth
    caches["content"].set(key, (site, page, own_components), REMEMBERED_SECONDS)


def _recall(request, remembered, components):
    site, page, own_components = remembered
    request._wagtail_site = site
    try:
        request._wagtail_route_for_request = page.route(request, components[own_components:])
    except Http404:
        request._wagtail_route_for_request = None


class RememberedRoutesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not wagtail_views.serve:
            return None
        path = view_args[0] if view_args else view_kwargs.get("path", "")
        components = [component for component in path.split("/") if component]
        key = _route_key(request, components)
        remembered = caches["content"].get(key)
        if remembered:
            _recall(request, remembered, components)
            return None
        route = Page.route_for_request(request, path)
        if route is not None:
            _remember(key, request, route)
        return None
