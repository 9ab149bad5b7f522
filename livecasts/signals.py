"""Keep the search index and the CDN in step with an episode (CDN: livecasts/frontend_purge.py).

The index is refreshed when the page row is saved, before Wagtail writes the page's inline
children; a speaker added in the same publish would be missing until the next save. Indexing
again once the page is published (children written) makes it searchable at once."""

from wagtail.search import index
from wagtail.signals import page_published, page_unpublished

from livecasts.frontend_purge import purge_episode_listings


def reindex_published_episode(sender, instance, **kwargs):
    index.insert_or_update_object(instance)


def connect():
    from livecasts.models import EpisodePage

    page_published.connect(
        reindex_published_episode, sender=EpisodePage, dispatch_uid="reindex-published-episode"
    )
    for signal in (page_published, page_unpublished):
        signal.connect(
            purge_episode_listings, sender=EpisodePage, dispatch_uid=f"purge-episode-{signal}"
        )
