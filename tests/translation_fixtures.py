"""A small English tree, its translations and the people who work on them, for the
translators' workflow tests (import the fixtures into a test module to use them)."""

import datetime
import json

import pytest
import wagtail_factories
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.operations import TranslationCreator

from home.models import HomePage
from livecasts.models import City, EpisodePage, SeriesPage
from translation_workflow.roles import EDITORS, translator_group_name

PARAGRAPHS = [
    "Culture makes room for people to meet.",
    "Warsaw rebuilt its old town from paintings.",
    "Libraries stayed open during the lockdown.",
]


def locale(code):
    return Locale.objects.get(language_code=code)


def publish(page):
    page.save_revision().publish()
    return page.specific_class.objects.get(pk=page.pk)


def add_series(title="Infected Cities", slug="infected-cities"):
    home = HomePage.objects.get(locale__language_code="en")
    series = SeriesPage(title=title, slug=slug, intro="<p>Four cities in a pandemic.</p>")
    home.add_child(instance=series)
    return publish(series)


def episode_body(paragraphs, image=None):
    body = [{"type": "paragraph", "value": f"<p>{text}</p>"} for text in paragraphs]
    if image is not None:
        body.append(
            {
                "type": "image",
                "value": {
                    "image": image.pk,
                    "alt_text": "A crowd on a square at dusk",
                    "caption": "The old town square",
                    "credit": "Sample photographer",
                },
            }
        )
    return json.dumps(body)


def add_episode(series, number, title, paragraphs=PARAGRAPHS, city=None, image=None):
    episode = EpisodePage(
        title=title,
        slug=title.lower(),
        number=number,
        city=city,
        date=datetime.date(2021, 1, 14),
        summary=f"The {title} edition.",
        body=episode_body(paragraphs, image),
    )
    series.add_child(instance=episode)
    return publish(episode)


def start_translation(instance, code, user=None):
    """What an editor's 'Translate' action does: a draft in `code` and a Translation record."""
    TranslationCreator(user, [locale(code)]).create_translations(instance)
    return Translation.objects.get(
        source__object_id=instance.translation_key, target_locale__language_code=code
    )


def segments(translation):
    return list(
        StringSegment.objects.filter(source=translation.source)
        .select_related("string", "context")
        .order_by("order")
    )


def fill(translation, count=None, prefix=None):
    """Translate the first `count` segments (all by default) as '[pl] <English>'."""
    prefix = prefix or f"[{translation.target_locale.language_code}]"
    for segment in segments(translation)[:count]:
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            defaults={"data": f"{prefix} {segment.string.data}"},
        )


def publish_translation(translation, capture):
    """Publish as the translation editor does (wagtail-localize publishes on commit)."""
    with capture(execute=True):
        translation.save_target(publish=True)


def translated(translation):
    return translation.get_target_instance()


@pytest.fixture
def roles(db):
    call_command("setup_roles", verbosity=0)


def make_user(username, group_name=None, **extra):
    user = get_user_model().objects.create_user(username, f"{username}@example.com", "pw", **extra)
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(roles):
    return make_user("editor", EDITORS)


@pytest.fixture
def polish_translator(roles):
    return make_user("tlumacz", translator_group_name(locale("pl")))


@pytest.fixture
def greek_translator(roles):
    return make_user("metafrastis", translator_group_name(locale("el")))


@pytest.fixture
def series(db):
    return add_series()


@pytest.fixture
def image(db):
    return wagtail_factories.ImageFactory(title="Old town")


@pytest.fixture
def warsaw(db):
    return City.objects.create(
        name="Warsaw", country="Poland", time_zone="Europe/Warsaw", locale=locale("en")
    )


@pytest.fixture
def translated_tree(series, warsaw, django_capture_on_commit_callbacks):
    """The series and episode 'Warsaw' fully translated into Polish and Greek, published."""
    episode = add_episode(series, 13, "Warsaw", city=warsaw)
    found = {}
    for code in ("pl", "el"):
        series_translation = start_translation(series, code)
        fill(series_translation)
        publish_translation(series_translation, django_capture_on_commit_callbacks)
        city_translation = start_translation(warsaw, code)
        fill(city_translation)
        city_translation.save_target()
        found[code] = start_translation(episode, code)
        fill(found[code])
        publish_translation(found[code], django_capture_on_commit_callbacks)
    return {"episode": episode, "series": series, "city": warsaw, **found}
