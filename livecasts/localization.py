"""Find the reader-language versions of many translatable objects at once.

Links from translated inline children and blocks can still point at the source locale's
objects (wagtail-localize #710), so everything shown is passed through here."""

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
    objects = [obj for obj in objects if obj is not None]
    if not objects:
        return []
    model = type(objects[0])
    if isinstance(objects[0], Page):
        model = objects[0].specific_class or model
    keys = {obj.translation_key for obj in objects if obj.locale_id != locale.pk}
    found = {}
    if keys:
        queryset = model.objects.filter(translation_key__in=keys, locale=locale)
        if related:
            queryset = queryset.select_related(*related)
        if isinstance(objects[0], DraftStateMixin):  # pages and the editorial snippets
            queryset = queryset.filter(live=True)
        found = {obj.translation_key: obj for obj in queryset}
    return [found.get(obj.translation_key, obj) for obj in objects]


def episode_speakers(episode):
    """(person, role) pairs in the episode's language, in the editor's order."""
    links = [link for link in episode.speakers.select_related("person__photo") if link.person_id]
    people = localize_all([link.person for link in links], episode.locale, related=["photo"])
    return list(zip(people, [link.role for link in links], strict=True))


def episode_organisations(episode):
    """(organisation page, link) pairs in the episode's language; the link says organiser or
    partner."""
    links = list(episode.organisations.select_related("organisation"))
    pages = localize_all([link.organisation for link in links], episode.locale)
    return list(zip(pages, links, strict=True))


def with_cities_in_their_language(episodes):
    """The episodes, each with `localized_city` set: one query for all of them, however many."""
    episodes = list(episodes)
    placed = [episode for episode in episodes if episode.city_id]
    if placed:
        cities = localize_all([episode.city for episode in placed], placed[0].locale)
        for episode, city in zip(placed, cities, strict=True):
            episode.localized_city = city
    return episodes
