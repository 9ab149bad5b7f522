"""Generate what is missing of the programme: English first, then each language in turn."""

from itertools import islice

from django.db import transaction
from wagtail.models import Locale, Page

from home.models import HomePage
from livecasts.models import City, EpisodePage, Person, SeriesPage
from livecasts.sample_programme import content
from livecasts.sample_programme.indexing import index_for_search, indexes_not_updated_on_save
from livecasts.sample_programme.publishing import publish_latest_revisions
from livecasts.sample_programme.source import GeneratedSource, snippet_keys
from livecasts.sample_programme.translate import translate_mechanically, translated_keys

# Work is committed in batches: an interrupted run keeps what it made, and the next run only
# adds the rest.
BATCH = 50


class NoSiteRoot(Exception):
    """The source locale has no home page to put the series under."""


def batches(items, size=BATCH):
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


class ProgrammeGenerator:
    """Makes `count` episodes and their translations into `locales`. `expect(total)` announces
    how many objects are to be made, `progress(n)` reports every n made."""

    def __init__(self, count, locales, expect, progress):
        self.count, self.locales = count, locales
        self.expect, self.progress = expect, progress
        home = HomePage.objects.filter(locale=Locale.get_default(), depth=2).first()
        if home is None:
            raise NoSiteRoot(f"no home page in '{Locale.get_default().language_code}'")
        self.source = GeneratedSource(home)

    def run(self):
        with indexes_not_updated_on_save():
            made = self.generate()
        if made:
            self.index(episode_keys=[content.episode_key(n) for n in range(1, self.count + 1)])

    def index(self, episode_keys):
        shared_keys = [content.series_key(), *snippet_keys()]
        for model in (Person, City, SeriesPage):
            index_for_search(model, shared_keys)
        index_for_search(EpisodePage, episode_keys)

    def generate(self):
        with transaction.atomic():
            series = self.source.series()
            shared = [*self.source.people(), *self.source.cities(), series]
        numbers = self.source.missing_episode_numbers(self.count)
        episode_keys = [content.episode_key(number) for number in range(1, self.count + 1)]
        missing = {
            locale: {
                "shared": [obj for obj in shared if obj.get_translation_or_none(locale) is None],
                "episodes": set(episode_keys) - translated_keys(EpisodePage, episode_keys, locale),
            }
            for locale in self.locales
        }
        total = len(numbers) + sum(len(m["shared"]) + len(m["episodes"]) for m in missing.values())
        self.expect(total)
        self.add_episodes(series, numbers, shared)
        for locale, work in missing.items():
            self.translate(locale, work["shared"])
            episodes = EpisodePage.objects.child_of(series).filter(
                translation_key__in=work["episodes"]
            )
            self.translate(locale, episodes.order_by("number"))
        return total

    def add_episodes(self, series, numbers, shared):
        people, cities = shared[: content.PEOPLE_COUNT], shared[content.PEOPLE_COUNT : -1]
        for batch in batches(numbers):
            with transaction.atomic():
                made = [self.source.add_episode(series, n, people, cities) for n in batch]
                publish_latest_revisions([episode.pk for episode in made])
            self.progress(len(batch))

    def translate(self, locale, instances):
        for batch in batches(instances):
            with transaction.atomic():
                made = [translate_mechanically(instance, locale) for instance in batch]
                publish_latest_revisions([obj.pk for obj in made if isinstance(obj, Page)])
                for snippet in (obj for obj in made if not isinstance(obj, Page)):
                    snippet.get_latest_revision().publish()
            self.progress(len(batch))
