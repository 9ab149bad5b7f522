"""Factories for the content model, built on wagtail-factories."""

import datetime

import factory
import wagtail_factories
from wagtail.models import Locale

from home.models import HomePage
from livecasts.models import City, EpisodePage, EpisodeSpeaker, Person, SeriesPage


def home_page(language="en"):
    return HomePage.objects.get(locale__language_code=language, depth=2)


class CityFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"City {n}")
    country = "Greece"
    time_zone = "Europe/Athens"
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = City


class PersonFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Sample person {n}")
    profession = "Researcher (sample profile)"
    is_sample = True
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Person


class SeriesPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Series {n}")
    slug = factory.Sequence(lambda n: f"series-{n}")
    strap_line = "Culture and the city"

    class Meta:
        model = SeriesPage


class EpisodePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Episode {n}")
    slug = factory.Sequence(lambda n: f"episode-{n}")
    number = factory.Sequence(lambda n: n + 1)
    date = datetime.date(2020, 12, 10)
    summary = "A conversation about culture in the city."

    class Meta:
        model = EpisodePage


def add_speakers(episode, count):
    for position in range(count):
        EpisodeSpeaker.objects.create(
            page=episode, person=PersonFactory(), role="Guest", sort_order=position
        )
