"""Find the reader-language versions of many translatable objects at once.

Links from translated inline children and blocks can still point at the source locale's
objects (wagtail-localize #710), so everything shown is passed through here."""

from django.db.models import Prefetch, prefetch_related_objects
from django.utils.translation import get_language
from wagtail.models import DraftStateMixin, Locale, Page

from citymakers.content_generation import kept_until_content_changes


def site_locales():
    """Every Locale by its language code, read once per content change."""
    return kept_until_content_changes(
        "locales", lambda: {locale.language_code: locale for locale in Locale.objects.all()}
    )


def active_locale():
    """The Locale of the active language (Locale.get_active() asks the database every time)."""
    return site_locales().get(get_language()) or Locale.get_active()


def language_of(obj):
    """The language code of a translatable object's locale, without a query per object."""
    locale_id = getattr(obj, "locale_id", None)
    return next((code for code, locale in site_locales().items() if locale.pk == locale_id), None)


def in_active_language(obj):
    """`obj.localized` with the locale remembered: its live version in the active language, or
    itself."""
    return localize_all([obj], active_locale())[0]


def localized_url(page):
    """The address of `page` in the active language (or its own), remembered per content change:
    a link block costs no query, however many a page has."""
    language = get_language()
    return kept_until_content_changes(
        f"localized-url:{page.translation_key}:{language}", lambda: in_active_language(page).url
    )


def localize_all(objects, locale, related=()):
    """Return each object's version in `locale` (one query), falling back to the object itself."""
    return localize_each([(obj, locale.pk) for obj in objects], related)


def localize_each(objects_and_locale_ids, related=()):
    """Return each object's version in the locale given beside it, falling back to the object
    itself (a draft translation is no version): one query, however many objects and locales."""
    pairs = [(obj, locale_id) for obj, locale_id in objects_and_locale_ids if obj is not None]
    if not pairs:
        return []
    first = pairs[0][0]
    model = type(first)
    if isinstance(first, Page):
        model = first.specific_class or model
    wanted = {
        (obj.translation_key, locale_id) for obj, locale_id in pairs if obj.locale_id != locale_id
    }
    found = {}
    if wanted:
        queryset = model.objects.filter(
            translation_key__in={key for key, _locale_id in wanted},
            locale_id__in={locale_id for _key, locale_id in wanted},
        )
        if related:
            queryset = queryset.select_related(*related)
        if isinstance(first, DraftStateMixin):  # pages and the editorial snippets
            queryset = queryset.filter(live=True)
        found = {(obj.translation_key, obj.locale_id): obj for obj in queryset}
    return [found.get((obj.translation_key, locale_id), obj) for obj, locale_id in pairs]


def episode_speakers(episode):
    """(person, role) pairs in the episode's language, in the editor's order."""
    links = [link for link in episode.speakers.select_related("person__photo") if link.person_id]
    people = localize_all([link.person for link in links], episode.locale, related=["photo"])
    return list(zip(people, [link.role for link in links], strict=True))


# By time: a translation's copies of the chapters need not keep the source's sort order.
CHAPTER_ORDER = ("start", "sort_order")


def episode_chapters(episode):
    """(chapter, speaker or None) pairs in the episode's language, in the recording's order."""
    return _timed_in_language(episode, "chapters")


def episode_transcript(episode):
    """(transcript line, speaker or None) pairs in the episode's language, in the recording's
    order."""
    return _timed_in_language(episode, "transcript_lines")


def _timed_in_language(episode, relation):
    items = list(getattr(episode, relation).select_related("person").order_by(*CHAPTER_ORDER))
    return _with_people_in_language([(item, episode.locale_id) for item in items])


def _with_people_in_language(chapters_and_locale_ids):
    """[(chapter, its person in the locale beside it, or None)]: one query for all of them."""
    with_person = [(chapter.person, locale_id) for chapter, locale_id in chapters_and_locale_ids]
    people = iter(localize_each([pair for pair in with_person if pair[0] is not None]))
    return [
        (chapter, next(people) if chapter.person_id else None)
        for chapter, _locale_id in chapters_and_locale_ids
    ]


def episode_organisations(episode):
    """(organisation page, link) pairs in the episode's language; the link says organiser or
    partner."""
    links = list(episode.organisations.select_related("organisation"))
    pages = localize_all([link.organisation for link in links], episode.locale)
    return list(zip(pages, links, strict=True))


def with_cities_in_their_language(episodes):
    """The episodes, each with `localized_city` set: one query for all of them, however many, in
    however many languages."""
    episodes = list(episodes)
    placed = [episode for episode in episodes if episode.city_id]
    cities = localize_each([(episode.city, episode.locale_id) for episode in placed])
    for episode, city in zip(placed, cities, strict=True):
        episode.localized_city = city
    return episodes


RELATED_IN_LANGUAGE = ("city", "speakers", "organisations", "chapters", "transcript")
# What is read for "chapters" and "transcript": (the page's relation, the attribute it sets).
TIMED_IN_LANGUAGE = {
    "chapters": ("chapters", "chapters_in_language"),
    "transcript": ("transcript_lines", "transcript_in_language"),
}


def with_related_in_their_language(episodes, related=RELATED_IN_LANGUAGE):
    """The episodes, each with its city, speakers, organisations, chapters and transcript (those
    of them named in `related`) in its own language, set as `localized_city`,
    `speakers_in_language`, `organisations_in_language`, `chapters_in_language` and
    `transcript_in_language`: at most nine queries, however many episodes, people,
    organisations, chapters, lines and languages."""
    from livecasts.models import EpisodeOrganisation, EpisodeSpeaker  # they import this module

    episodes = list(episodes)
    if "city" in related:
        prefetch_related_objects(episodes, "city")
        with_cities_in_their_language(episodes)
    if "speakers" in related:
        prefetch_related_objects(
            episodes, Prefetch("speakers", EpisodeSpeaker.objects.select_related("person__photo"))
        )
        speakers = _links_in_language(episodes, "speakers", "person", related=["photo"])
        for episode in episodes:
            episode.speakers_in_language = [
                (person, link.role) for person, link in speakers[episode.pk]
            ]
    if "organisations" in related:
        prefetch_related_objects(
            episodes,
            Prefetch("organisations", EpisodeOrganisation.objects.select_related("organisation")),
        )
        organisations = _links_in_language(episodes, "organisations", "organisation")
        for episode in episodes:
            episode.organisations_in_language = organisations[episode.pk]
    for name, (relation, attribute) in TIMED_IN_LANGUAGE.items():
        if name in related:
            _with_timed_in_language(episodes, relation, attribute)
    return episodes


def _with_timed_in_language(episodes, relation, attribute):
    """Sets `attribute` (e.g. `chapters_in_language`) on each episode from its `relation`: one
    query for the chapters or lines, and one for their speakers only where the episode's
    speakers in its language were not read already."""
    model = episodes[0]._meta.get_field(relation).related_model if episodes else None
    if model is None:
        return
    prefetch_related_objects(
        episodes,
        Prefetch(relation, model.objects.select_related("person").order_by(*CHAPTER_ORDER)),
    )
    known = {
        (episode.pk, person.translation_key): person
        for episode in episodes
        for person, _role in episode.__dict__.get("speakers_in_language", ())
    }
    items = [(episode, item) for episode in episodes for item in getattr(episode, relation).all()]
    unknown = [
        (item, episode.locale_id)
        for episode, item in items
        if item.person_id and (episode.pk, item.person.translation_key) not in known
    ]
    read = {item.pk: person for item, person in _with_people_in_language(unknown)}
    for episode in episodes:
        setattr(episode, attribute, [])
    for episode, item in items:
        person = item.person and known.get((episode.pk, item.person.translation_key))
        getattr(episode, attribute).append((item, person or read.get(item.pk)))


def _links_in_language(episodes, links_name, target_name, related=()):
    """{episode pk: [(link target in the episode's language, link)]}, with one query."""
    links = [(episode, link) for episode in episodes for link in getattr(episode, links_name).all()]
    targets = localize_each(
        [(getattr(link, target_name), episode.locale_id) for episode, link in links], related
    )
    by_episode = {episode.pk: [] for episode in episodes}
    for (episode, link), target in zip(links, targets, strict=True):
        by_episode[episode.pk].append((target, link))
    return by_episode
