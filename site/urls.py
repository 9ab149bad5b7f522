from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from citymakers import client_errors, views
from citymakers.api import api_router
from citymakers.media import media_urlpatterns
from home import admin_outage
from search import views as search_views

urlpatterns = [
    # Before Wagtail's admin URLs, which all need a signed-in user (and so the database).
    path("admin/database-check/", admin_outage.database_check, name="admin_database_check"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", views.sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", views.sitemap_section, name="sitemap_section"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("healthz", views.healthz, name="healthz"),
    path("language/<slug:code>/", views.choose_language, name="choose_language"),
]
handler500 = "citymakers.error_views.server_error"

if settings.BENCH:
    urlpatterns.append(path("bench/ceiling", views.bench_ceiling))

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
elif settings.SERVE_MEDIA:
    urlpatterns += media_urlpatterns()

# Every public page lives under its language prefix; "/" is redirected by
# LocaleMiddleware to the reader's best language.
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    # Wagtail's page pattern allows no dot: pass ".../calendar.ics", ".../chapters.json" and
    # ".../captions/<language>.vtt" on to the page's own routes.
    re_path(r"^((?:[\w\-]+/)+calendar\.ics)$", wagtail_views.serve, name="page_calendar"),
    re_path(r"^((?:[\w\-]+/)+chapters\.json)$", wagtail_views.serve, name="page_chapters"),
    re_path(r"^((?:[\w\-]+/)+captions/[\w\-]+\.vtt)$", wagtail_views.serve, name="page_captions"),
    path("", include(wagtail_urls)),
)

handler400 = client_errors.bad_request
handler404 = client_errors.page_not_found
