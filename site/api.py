"""Read-only headless API (Wagtail API v2) at /api/v2/: pages and images, filterable by locale.

Wagtail's endpoints answer GET only; anything else gets 405. Pages take `?locale=el` (every
language tree of the site is included), `?type=livecasts.EpisodePage` and `?fields=` with the
`api_fields` of the page models.
"""

import hashlib
from functools import reduce
from operator import or_

from django.core.exceptions import EmptyResultSet
from django.db.models import QuerySet
from django.middleware.locale import LocaleMiddleware
from django.utils.cache import patch_cache_control
from rest_framework.renderers import JSONRenderer
from wagtail.api.v2.filters import LocaleFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Locale, Page, PageViewRestriction, Site

from citymakers.client_errors import is_api_request
from citymakers.content_generation import kept_until_content_changes
from citymakers.public_caching import public_max_age
from livecasts.localization import RELATED_IN_LANGUAGE, with_related_in_their_language
from livecasts.models import EpisodePage
from livecasts.models.mixins import HeroImageMixin

# Far beyond any real listing, far below the 64-bit integers the databases slice with.
MAX_OFFSET = 10**9
SEARCH_OPERATORS = ("and", "or")


class HtmlSafeJSONRenderer(JSONRenderer):
    """JSON with <, > and & as \\u escapes: a parameter echoed in a message ("cannot order by
    '<script>…'") never comes back as markup, whatever a client does with the answer."""

    def render(self, data, accepted_media_type=None, renderer_context=None):
        body = super().render(data, accepted_media_type, renderer_context)
        return body.replace(b"<", b"\\u003c").replace(b">", b"\\u003e").replace(b"&", b"\\u0026")


class CheckedParametersMixin:
    """JSON only (no browsable HTML API), and parameters Wagtail would pass on to the database
    unchecked refused with a 400 `{"message": ...}` like Wagtail's own refusals. (Control
    characters in any parameter are refused before: citymakers/query_parameters.py.)"""

    renderer_classes = [HtmlSafeJSONRenderer]

    def check_query_parameters(self, queryset):
        super().check_query_parameters(queryset)
        for name in ("offset", "limit"):
            try:
                value = int(self.request.GET.get(name, 0))
            except ValueError:
                continue  # Wagtail's pagination refuses it with its own message
            if value > MAX_OFFSET:
                raise BadRequestError(f"{name} cannot be higher than {MAX_OFFSET}")
        operator = self.request.GET.get("search_operator")
        if operator is not None and operator not in SEARCH_OPERATORS:
            raise BadRequestError("search_operator must be 'and' or 'or'")


class KnownLocaleFilter(LocaleFilter):
    """`?locale=` as Wagtail's, but an unknown language is a 400 with a message, not a 404."""

    def filter_queryset(self, request, queryset, view):
        language_code = request.GET.get("locale")
        if language_code is None:
            return queryset
        locale = Locale.objects.filter(language_code=language_code).first()
        if locale is None:
            raise BadRequestError(f"locale '{language_code}' does not exist")
        filtered = queryset.filter(locale=locale)
        # As Wagtail's LocaleFilter: ChildOfFilter's mark, which its ordering reads, is kept.
        filtered._filtered_by_child_of = getattr(queryset, "_filtered_by_child_of", None)
        return filtered


class CountedOncePerChangePagination(WagtailPagination):
    """Wagtail's pagination, with the total a listing reports read once per content change: the
    listing holds live, public pages only, so its count changes only with the content."""

    def paginate_queryset(self, queryset, request, view=None):
        if isinstance(queryset, QuerySet):
            queryset.count = _count_kept_until_content_changes(queryset)
        return super().paginate_queryset(queryset, request, view)


def _count_kept_until_content_changes(queryset):
    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:
        return lambda: 0
    digest = hashlib.sha256(f"{sql}|{params!r}".encode()).hexdigest()
    return lambda: kept_until_content_changes(f"api-count:{digest}", queryset.all().count)


class LocalisedPagesAPIViewSet(CheckedParametersMixin, PagesAPIViewSet):
    pagination_class = CountedOncePerChangePagination
    filter_backends = [
        KnownLocaleFilter if backend is LocaleFilter else backend
        for backend in PagesAPIViewSet.filter_backends
    ]

    def get_base_queryset(self):
        """Wagtail's live public pages, worked out once per request (Wagtail asks three times)
        from what the tree says of this host, read once per content change."""
        if not hasattr(self, "_public_pages"):
            if "site" in self.request.GET:
                self._public_pages = super().get_base_queryset()
            else:
                self._public_pages = public_pages(self.request)
        return self._public_pages

    def get_queryset(self):
        return self.with_joins(super().get_queryset())

    @staticmethod
    def with_joins(queryset):
        """Pages with their language, image and an episode's city read in, not with one query
        each later."""
        queryset = queryset.select_related("locale")
        if issubclass(queryset.model, HeroImageMixin):
            queryset = queryset.select_related("hero_image")
        if issubclass(queryset.model, EpisodePage):
            queryset = queryset.select_related("city")
        return queryset

    def paginate_queryset(self, queryset):
        return self.with_related_in_their_language(super().paginate_queryset(queryset))

    def get_object(self):
        if not hasattr(self, "_page_in_language"):
            page = BaseAPIViewSet.get_object(self)  # a Page; Wagtail's own then reads `.specific`
            model = page.specific_class or type(page)
            self._page_in_language = self.with_joins(model.objects.filter(pk=page.pk)).get()
            # An episode's city, speakers, organisations and chapters in its language come from
            # its own `related_in_language`, kept until the content changes, as on its page.
        return self._page_in_language

    def with_related_in_their_language(self, pages):
        """The episodes' cities, speakers and organisations the client asked for, in each
        episode's language, read for all listed episodes at once (the API fields read them from
        the pages)."""
        asked = set(self.get_serializer_class().Meta.fields)
        episodes = [page for page in pages if isinstance(page, EpisodePage)]
        with_related_in_their_language(episodes, asked.intersection(RELATED_IN_LANGUAGE))
        return pages

    def finalize_response(self, request, response, *args, **kwargs):
        """Only live, public pages are listed: CDNs may keep answers (until a state change)."""
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code == 200:
            patch_cache_control(response, public=True, max_age=public_max_age())
        return response


def public_pages(request):
    """Live pages under the request's Site in any language, outside view restrictions the request
    does not meet: Wagtail's get_public_pages_queryset without its three queries a request."""
    key = f"api-public-tree:{request.get_host()}:{request.get_port()}"
    site, restrictions, language_roots = kept_until_content_changes(
        key, lambda: _public_tree(request)
    )
    request._wagtail_site = site  # where Site.find_for_request keeps it for the page URLs
    pages = Page.objects.live()
    for restriction in restrictions:
        if not restriction.accept_request(request):
            pages = pages.not_descendant_of(restriction.page, inclusive=True)
    if not language_roots:
        return pages.none()
    return reduce(or_, (pages.descendant_of(root, inclusive=True) for root in language_roots))


def _public_tree(request):
    """The request's Site, the view restrictions and the Site's root page in every language."""
    site = Site.find_for_request(request)
    restrictions = list(PageViewRestriction.objects.select_related("page"))
    language_roots = list(site.root_page.get_translations(inclusive=True)) if site else []
    return site, restrictions, language_roots


class CheckedImagesAPIViewSet(CheckedParametersMixin, ImagesAPIViewSet):
    pass


class ApiAwareLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, but an API answer is never redirected: it would send a 404
    under /api/ on to `/en/api/…`, where the public site answers with an HTML page."""

    def process_response(self, request, response):
        if is_api_request(request):
            return response
        return super().process_response(request, response)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", LocalisedPagesAPIViewSet)
api_router.register_endpoint("images", CheckedImagesAPIViewSet)
