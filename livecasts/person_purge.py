"""When a person is published or unpublished, purge from the CDN every page that shows them.

That is their own page and the people index in every language (an unpublished record's page
must stop answering too), and the episodes they speak in, whose speaker lists name them. The
purge waits for the commit, as the episode purge does (livecasts/frontend_purge.py)."""

from django.db import transaction
from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends
from wagtail.models import Page, Site

from livecasts.people import index_urls


def person_page_paths(person):
    """The person's page address and the people index, in every language that has one."""
    return [
        path
        for index_url in index_urls().values()
        for path in (index_url, f"{index_url}{person.slug}/")
    ]


def purge_person_pages(sender, instance, **kwargs):
    """Signal receiver for `published` and `unpublished` of a Person."""
    if not get_backends():
        return
    from livecasts.models import EpisodePage  # the models import this module's callers

    site = Site.objects.filter(is_default_site=True).first()
    root_url = site.root_url if site else ""
    batch = PurgeBatch()
    spoken_in = EpisodePage.objects.filter(
        speakers__person__translation_key=instance.translation_key
    )
    batch.add_pages(
        Page.objects.filter(translation_key__in=spoken_in.values("translation_key")).specific()
    )
    batch.add_urls([root_url + path for path in person_page_paths(instance)])
    transaction.on_commit(batch.purge)
