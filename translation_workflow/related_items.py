"""What a page shows that is translated on its own — the episode's city, its speakers, the
organisations of an episode or series, the people of a speaker list — and which of those have
no live version in a language yet.

A Polish episode published before its city and people shows them in English (marked with
`lang` on the site); translators are told here which items those are. Items are matched by
`translation_key`, so a page in any language finds the same ones.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import prefetch_related_objects
from django.utils.text import capfirst
from wagtail.models import Locale, Page

from livecasts.blocks import SpeakerListBlock
from livecasts.models import EpisodePage, SeriesPage


@dataclass
class UntranslatedItem:
    """One related item with no live version in `locale`; `draft` is its unpublished version
    in that language, if one was started."""

    source: object
    locale: Locale
    draft: object = None
    source_language: str = ""  # the language code the site shows it in meanwhile

    @property
    def name(self):
        return str(self.source)

    @property
    def kind(self):
        return capfirst(self.source._meta.verbose_name)

    def __str__(self):
        return f"{self.name} ({self.kind})"


def _people_in_body(page):
    body = getattr(page, "body", None) or []
    return [
        person
        for child in body
        if isinstance(child.block, SpeakerListBlock)
        for person in child.value["people"]
        if person is not None
    ]


def related_items(page):
    """The translatable items `page` shows, in the editor's order, each once."""
    found = []
    if isinstance(page, EpisodePage):
        found += [page.city] if page.city_id else []
        found += [link.person for link in page.speakers.all()]
        found += [link.organisation for link in page.organisations.all()]
    if isinstance(page, SeriesPage):
        found += [link.organisation for link in page.organisers.all()]
    found += _people_in_body(page)
    unique = {}
    for item in found:
        unique.setdefault((_family(item), item.translation_key), item)
    return list(unique.values())


def _family(item):
    """Pages share one translation_key space; snippets have one per model."""
    return Page if isinstance(item, Page) else type(item)


def _prefetch(pages):
    episodes = [page for page in pages if isinstance(page, EpisodePage)]
    prefetch_related_objects(episodes, "city", "speakers__person", "organisations__organisation")
    series = [page for page in pages if isinstance(page, SeriesPage)]
    prefetch_related_objects(series, "organisers__organisation")


def _versions(items, locale_ids):
    """{(family, translation_key, locale_id): instance} for `items` in the given locales:
    one query per model, however many pages and languages."""
    keys = defaultdict(set)
    for item in items:
        keys[_family(item)].add(item.translation_key)
    found = {}
    for family, family_keys in keys.items():
        queryset = family.objects.filter(translation_key__in=family_keys, locale_id__in=locale_ids)
        if family is Page:
            queryset = queryset.filter(alias_of__isnull=True).specific()
        for instance in queryset:
            found[(family, instance.translation_key, instance.locale_id)] = instance
    return found


def untranslated_for_pages(pages_and_locales):
    """{(page pk, locale pk): [UntranslatedItem]} for each (page, locale) pair given."""
    pairs = list(pages_and_locales)
    pages = list({page.pk: page for page, _locale in pairs}.values())
    _prefetch(pages)
    related = {page.pk: related_items(page) for page in pages}
    source = Locale.get_default()
    locale_ids = {locale.pk for _page, locale in pairs} | {source.pk}
    versions = _versions([item for items in related.values() for item in items], locale_ids)
    return {
        (page.pk, locale.pk): _untranslated(related[page.pk], locale, source, versions)
        for page, locale in pairs
    }


def _untranslated(items, locale, source, versions):
    found = []
    for item in items:
        family, key = _family(item), item.translation_key
        original = versions.get((family, key, source.pk))
        if original is None or locale == source:
            continue  # nothing to translate from
        version = versions.get((family, key, locale.pk))
        if version is None or not getattr(version, "live", True):
            found.append(UntranslatedItem(original, locale, version, source.language_code))
    return found


def untranslated_related(page, locale):
    """[UntranslatedItem] for one page in one language."""
    return untranslated_for_pages([(page, locale)])[(page.pk, locale.pk)]
