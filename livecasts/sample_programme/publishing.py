"""Publishing generated pages in bulk. Wagtail's publish action costs about a third of a
generated page (it reloads the revision, saves the page again, logs and signals); for
thousands of pages made at once, one UPDATE per batch sets what it would set, and the page
cache is emptied once at the end as a publish would have emptied it."""

from django.db.models import F, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.models import Page

from citymakers.page_cache import empty_page_cache


def publish_latest_revisions(page_ids):
    now = timezone.now()
    Page.objects.filter(pk__in=page_ids).update(
        live=True,
        expired=False,
        has_unpublished_changes=False,
        live_revision=F("latest_revision"),
        first_published_at=Coalesce(F("first_published_at"), Value(now)),
        last_published_at=now,
    )
    empty_page_cache()
