"""Factories for the content model, built on wagtail-factories.

Pages take `parent=`; `publish(page)` gives a page the live revision the admin would.
"""

import datetime

import factory
import wagtail_factories
from wagtail.models import Locale

from home.models import HomePage, StandardPage
from livecasts.models import (
    City,
    EpisodePage,
    EpisodeSpeaker,
    OrganisationIndexPage,
    OrganisationPage,
    Person,
    SeriesPage,
)

ImageFactory = wagtail_factories.ImageFactory


def home_page(language="en"):
    return HomePage.objects.get(locale__language_code=language, depth=2)


def publish(page):
    """Publish as the admin does (a revision, then publish) and return the fresh page."""
    page.save_revision().publish()
    return page.specific_class.objects.get(pk=page.pk)


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


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Page {n}")
    slug = factory.Sequence(lambda n: f"page-{n}")

    class Meta:
        model = StandardPage


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


class EpisodeSpeakerFactory(factory.django.DjangoModelFactory):
    person = factory.SubFactory(PersonFactory)
    role = "Guest"

    class Meta:
        model = EpisodeSpeaker


class OrganisationIndexPageFactory(wagtail_factories.PageFactory):
    title = "Organisations"
    slug = "organisations"

    class Meta:
        model = OrganisationIndexPage


class OrganisationPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.Sequence(lambda n: f"organisation-{n}")
    description = "A cultural organisation (test profile)."

    class Meta:
        model = OrganisationPage


def add_speakers(episode, count):
    for position in range(count):
        EpisodeSpeakerFactory(page=episode, sort_order=position)
