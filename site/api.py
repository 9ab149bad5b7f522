"""Read-only headless API (Wagtail API v2) at /api/v2/: pages and images, filterable by locale.

Wagtail's endpoints answer GET only; anything else gets 405. Pages take `?locale=el` (every
language tree of the site is included), `?type=livecasts.EpisodePage` and `?fields=` with the
`api_fields` of the page models.
"""

from django.utils.cache import patch_cache_control
from wagtail.api.v2.filters import LocaleFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Locale

from home.cache_lifetimes import public_max_age


class KnownLocaleFilter(LocaleFilter):
    """`?locale=` as Wagtail's, but an unknown language is a 400 with a message, not a 404."""

    def filter_queryset(self, request, queryset, view):
        language_code = request.GET.get("locale")
        if language_code is not None:
            if not Locale.objects.filter(language_code=language_code).exists():
                raise BadRequestError(f"locale '{language_code}' does not exist")
        return super().filter_queryset(request, queryset, view)


class LocalisedPagesAPIViewSet(PagesAPIViewSet):
    filter_backends = [
        KnownLocaleFilter if backend is LocaleFilter else backend
        for backend in PagesAPIViewSet.filter_backends
    ]

    def finalize_response(self, request, response, *args, **kwargs):
        """Only live, public pages are listed: CDNs may keep answers (until a state change)."""
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code == 200:
            patch_cache_control(response, public=True, max_age=public_max_age())
        return response


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", LocalisedPagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
