"""What the people pages read: who exists in a language, where each person's page is, and the
episodes a person took part in, each kept until the content changes.

A person's page is a route of the people index page in each language (/<lang>/people/<slug>/),
served where that language has a live record of the person; the slug is shared by all of them
(livecasts/person_slugs.py). The models are imported inside the functions: the people index
page model imports this module."""

from dataclasses import dataclass

from django.conf import settings
from django.utils.text import Truncator

from citymakers.addresses import absolute_url
from citymakers.content_generation import kept_until_content_changes
from citymakers.view_restrictions import public
from livecasts.chapters import format_time
from livecasts.localization import CHAPTER_ORDER, site_locales, with_cities_in_their_language

LANGUAGE_ORDER = [code for code, _name in settings.LANGUAGES]


def people_in(locale_id):
    """{slug: person} of the live people in a language, with their photos."""
    from livecasts.models import Person

    def read():
        people = Person.objects.filter(locale_id=locale_id, live=True).select_related("photo")
        return {person.slug: person for person in people}

    return kept_until_content_changes(f"people:{locale_id}", read)


def index_urls():
    """{locale id: address} of each language's live, public people index."""
    from livecasts.models import PeopleIndexPage

    def read():
        indexes = public(PeopleIndexPage.objects.live()).order_by("path")
        found = {}
        for index in indexes:
            found.setdefault(index.locale_id, index.url)
        return found

    return kept_until_content_changes("people-index-urls", read)


def person_url(person):
    """The address of a live person's page in their own language, or "" (no people index in that
    language, or a draft)."""
    if person is None or not getattr(person, "live", False) or not person.slug:
        return ""
    index_url = index_urls().get(person.locale_id)
    return f"{index_url}{person.slug}/" if index_url else ""


def person_full_url(person, request=None):
    return absolute_url(person_url(person), request)


def person_translations(person, request=None):
    """(language code, url, absolute url) for each language the person has a page in."""
    codes = {locale.pk: code for code, locale in site_locales().items()}

    def read():
        urls = []
        for locale_id, code in codes.items():
            version = people_in(locale_id).get(person.slug)
            if version is not None and version.translation_key == person.translation_key:
                urls.append((code, person_url(version)))
        return sorted((pair for pair in urls if pair[1]), key=lambda p: LANGUAGE_ORDER.index(p[0]))

    pairs = kept_until_content_changes(f"person-translations:{person.translation_key}", read)
    return [(code, url, absolute_url(url, request)) for code, url in pairs]


@dataclass(frozen=True)
class SpokenChapter:
    """A chapter of an episode in which the person is the chapter's speaker."""

    start: int
    title: str

    @property
    def time_text(self):
        return format_time(self.start)

    @property
    def anchor(self):
        """The id of the chapter in the episode page's chapter list (includes/chapters.html)."""
        return f"chapter-{self.start}"


def episodes_of(person, locale):
    """[(episode, role, [SpokenChapter])] of every live, public episode the person spoke in,
    newest first: each in `locale` where it is translated, else in its source language (or any it
    exists in), with the chapters of it the person is the speaker of, in that same language."""
    key = f"person-episodes:{person.translation_key}:{locale.pk}"
    return kept_until_content_changes(key, lambda: _read_episodes(person.translation_key, locale))


def _read_episodes(translation_key, locale):
    from livecasts.models import EpisodePage, EpisodeSpeaker

    speaking = EpisodeSpeaker.objects.filter(person__translation_key=translation_key)
    versions = public(
        EpisodePage.objects.live().filter(
            translation_key__in=speaking.values("page__translation_key")
        )
    )
    chosen = {}
    default_locale = site_locales().get(settings.LANGUAGE_CODE)
    for episode in versions.defer_streamfields().select_related("city"):
        rank = _preference(episode, locale, default_locale)
        current = chosen.get(episode.translation_key)
        if current is None or rank < _preference(current, locale, default_locale):
            chosen[episode.translation_key] = episode
    episodes = sorted(chosen.values(), key=lambda e: (e.date, e.number), reverse=True)
    with_cities_in_their_language(episodes)
    roles = {}
    for page_id, role in speaking.filter(page__in=episodes).values_list("page_id", "role"):
        if role and role not in roles.setdefault(page_id, []):
            roles[page_id].append(role)
    chapters = _chapters_spoken(translation_key, episodes)
    return [
        (episode, ", ".join(roles.get(episode.pk, [])), chapters.get(episode.pk, []))
        for episode in episodes
    ]


def _chapters_spoken(translation_key, episodes):
    """{episode pk: [SpokenChapter]} of the chapters the person speaks in: one query."""
    from livecasts.models import EpisodeChapter

    found = {}
    chapters = (
        EpisodeChapter.objects.filter(page__in=episodes, person__translation_key=translation_key)
        .order_by("page_id", *CHAPTER_ORDER)
        .values_list("page_id", "start", "title")
    )
    for page_id, start, title in chapters:
        found.setdefault(page_id, []).append(SpokenChapter(start, title))
    return found


def _preference(episode, locale, default_locale):
    if episode.locale_id == locale.pk:
        return 0
    return 1 if default_locale and episode.locale_id == default_locale.pk else 2


def people_listed(locale):
    """Every live person, in `locale` where they have a record there, else in the language of
    their oldest record, by name."""
    from livecasts.models import Person

    def read():
        chosen = {}
        for person in Person.objects.filter(live=True).select_related("photo").order_by("pk"):
            current = chosen.get(person.translation_key)
            if current is None or person.locale_id == locale.pk:
                chosen[person.translation_key] = person
        return sorted(chosen.values(), key=lambda person: person.name.casefold())

    return kept_until_content_changes(f"people-listed:{locale.pk}", read)


def description(person):
    """What a person's page says about them in meta tags and link previews."""
    text = " — ".join(part for part in (person.profession, person.bio) if part)
    return Truncator(text).chars(200)


def person_elsewhere(rest):
    """[(language code, person)] for a person page address missing in one language: `rest` is
    the address after the language prefix ("people/<slug>/"); the same person's pages in the
    languages that have them, for the helpful 404."""
    parts = [part for part in rest.split("/") if part]
    if len(parts) != 2:
        return []
    index_slug, slug = parts
    codes = {locale.pk: code for code, locale in site_locales().items()}
    found = []
    for locale_id, index_url in index_urls().items():
        person = people_in(locale_id).get(slug)
        if person is not None and index_url.rstrip("/").endswith(f"/{index_slug}"):
            found.append((codes[locale_id], person))
    return found
