"""Keep the search index and the CDN in step with an episode or a person (CDN:
livecasts/frontend_purge.py and livecasts/person_purge.py).

The search index is refreshed when the page row is saved, before Wagtail writes the page's
inline children; a speaker added in the same publish would be missing until the next save.
Indexing again once the page is published (children written) makes it searchable at once.

A source episode's broadcast facts go to every translation when it is published
(livecasts/facts.py says why this is needed on top of wagtail-localize)."""

from wagtail.search import index
from wagtail.signals import page_published, page_unpublished, published, unpublished

from livecasts.facts import publish_facts_to_translations
from livecasts.frontend_purge import purge_episode_listings
from livecasts.models import EpisodePage, Person
from livecasts.person_purge import purge_person_pages


def reindex_published_episode(sender, instance, **kwargs):
    index.insert_or_update_object(instance)


def connect():
    page_published.connect(
        reindex_published_episode, sender=EpisodePage, dispatch_uid="reindex-published-episode"
    )
    for signal in (page_published, page_unpublished):
        signal.connect(
            purge_episode_listings, sender=EpisodePage, dispatch_uid=f"purge-episode-{signal}"
        )
    for signal in (published, unpublished):
        signal.connect(purge_person_pages, sender=Person, dispatch_uid=f"purge-person-{signal}")
    page_published.connect(
        publish_facts_to_translations,
        sender=EpisodePage,
        dispatch_uid="publish-facts-to-translations",
    )
