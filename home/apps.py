from django.apps import AppConfig
from django.core import checks
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from citymakers.resilient_cache import cache_reconnected


class HomeConfig(AppConfig):
    name = "home"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # These import models, which the app registry allows only once every app is loaded.
        from wagtail.models import Locale, PageViewRestriction, Site

        from citymakers.addresses import check_site_url
        from citymakers.content_generation import empty_page_cache
        from citymakers.page_cache import content_deleted, view_restriction_changed
        from livecasts.models import City, Person

        checks.register(check_site_url, deploy=True)
        for signal in (page_published, page_unpublished, page_slug_changed, post_page_move):
            signal.connect(empty_page_cache, dispatch_uid=f"page-cache-{signal}")
        post_delete.connect(content_deleted, dispatch_uid="page-cache-delete")
        # A publish during a cache outage could not empty the cache: empty it when it is back.
        cache_reconnected.connect(empty_page_cache, dispatch_uid="page-cache-reconnected")
        # A moved Site changes every absolute address on every page; a Locale's language, every
        # address in it.
        for model in (City, Person, Site, Locale):
            post_save.connect(empty_page_cache, sender=model, dispatch_uid=f"page-cache-{model}")
        for signal in (post_save, post_delete):
            signal.connect(view_restriction_changed, sender=PageViewRestriction)
        m2m_changed.connect(view_restriction_changed, sender=PageViewRestriction.groups.through)
