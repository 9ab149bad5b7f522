"""The English (source-locale) side of the generated programme: one series, its speakers, its
cities and numbered episodes, each created only when it is missing."""

from django.utils import timezone
from wagtail.models import Page

from livecasts.models import (
    City,
    EpisodeOrganisation,
    EpisodePage,
    EpisodeSpeaker,
    OrganisationPage,
    Person,
    SeriesOrganisation,
    SeriesPage,
)
from livecasts.sample_programme import content
from livecasts.sample_programme.bodies import episode_body

ORGANISATIONS_LINKED = 2


class GeneratedSource:
    """Finds or makes the generated objects under `home`, the source locale's home page."""

    def __init__(self, home):
        self.home = home
        self.locale = home.locale
        self.organisations = list(
            OrganisationPage.objects.filter(locale=self.locale).order_by("path")[
                :ORGANISATIONS_LINKED
            ]
        )

    def series(self):
        found = SeriesPage.objects.filter(
            translation_key=content.series_key(), locale=self.locale
        ).first()
        if found:
            return found
        series = SeriesPage(
            title=content.SERIES_TITLE,
            slug=content.SERIES_SLUG,
            translation_key=content.series_key(),
            strap_line=content.SERIES_STRAP_LINE,
            intro=content.SERIES_INTRO,
            organisers=[SeriesOrganisation(organisation=org) for org in self.organisations],
        )
        self.home.add_child(instance=series)
        series.save_revision().publish()
        return series

    def people(self):
        return [
            self._snippet(Person, content.person(index), is_sample=True)
            for index in range(content.PEOPLE_COUNT)
        ]

    def cities(self):
        return [
            self._snippet(City, content.city(index))
            for index in range(len(content.CITY_TIME_ZONES))
        ]

    def _snippet(self, model, data, **extra):
        found = model.objects.filter(translation_key=data["key"], locale=self.locale).first()
        if found:
            return found
        fields = {name: value for name, value in data.items() if name != "key"}
        snippet = model.objects.create(
            locale=self.locale, translation_key=data["key"], **fields, **extra
        )
        snippet.save_revision().publish()
        return snippet

    def missing_episode_numbers(self, count):
        wanted = {content.episode_key(number): number for number in range(1, count + 1)}
        existing = Page.objects.filter(translation_key__in=wanted, locale=self.locale)
        present = set(existing.values_list("translation_key", flat=True))
        return [number for key, number in wanted.items() if key not in present]

    def add_episode(self, series, number, people, cities):
        city = cities[number % len(cities)]
        text = content.episode_text(number, city.name)
        speakers = [people[index] for index in content.speaker_indexes(number)]
        episode = EpisodePage(
            title=text["title"],
            slug=content.episode_slug(number),
            translation_key=content.episode_key(number),
            number=number,
            city=city,
            date=content.broadcast_date(number, anchor_date(series)),
            start_time=content.start_time(number),
            summary=text["summary"],
            body=episode_body(text, series),
            speakers=[
                EpisodeSpeaker(person=person, role="Host" if position == 0 else "Guest")
                for position, person in enumerate(speakers)
            ],
            organisations=[EpisodeOrganisation(organisation=org) for org in self.organisations],
        )
        series.add_child(instance=episode)
        episode.save_revision()  # published with its batch (publishing.py)
        return episode


def anchor_date(series):
    """The day the series was generated: episodes spread before and after it."""
    return timezone.localdate(series.first_published_at)


def snippet_keys():
    """Translation keys of every generated person and city."""
    people = [content.person(index)["key"] for index in range(content.PEOPLE_COUNT)]
    cities = [content.city(index)["key"] for index in range(len(content.CITY_TIME_ZONES))]
    return people + cities
