"""generate_programme: a large sample programme, translated through wagtail-localize,
idempotent and removable without touching the demo."""

import io

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page
from wagtail_localize.models import String, StringTranslation, Translation

from livecasts.models import City, EpisodePage, Person
from livecasts.sample_programme.content import SERIES_SLUG, episode_key
from tests.shared_content import rolled_back_afterwards

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "el", "pl"]


def generate(episodes=3, languages="el,pl", **options):
    call_command(
        "generate_programme",
        episodes=episodes,
        languages=languages,
        stdout=io.StringIO(),
        verbosity=0,
        **options,
    )


def counts():
    return {
        "pages": Page.objects.count(),
        "live pages": Page.objects.live().count(),
        "people": Person.objects.count(),
        "cities": City.objects.count(),
        "translations": Translation.objects.count(),
        "strings": String.objects.count(),
        "string translations": StringTranslation.objects.count(),
    }


def generated_episodes(language):
    keys = [episode_key(number) for number in range(1, 10)]
    return EpisodePage.objects.filter(translation_key__in=keys, locale__language_code=language)


@pytest.fixture(scope="module")
def programme(demo, django_db_blocker):
    """Three generated episodes in three languages over the demo; yields the counts of the
    demo alone."""
    with rolled_back_afterwards(django_db_blocker):
        before = counts()
        generate()
        yield before


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_gets_every_episode_live(programme, language):
    assert generated_episodes(language).live().count() == 3


@pytest.mark.parametrize("language", ["el", "pl"])
def test_translations_are_wagtail_localize_translations(programme, language):
    for episode in generated_episodes("en"):
        translation = Translation.objects.get(
            source__object_id=episode.translation_key, target_locale__language_code=language
        )
        total, done = translation.get_progress()
        assert total == done > 0
        assert episode.get_translation(translation.target_locale).title.startswith(f"[{language}] ")


@pytest.mark.parametrize("language", LANGUAGES)
def test_generated_pages_answer_in_each_language(programme, client, language):
    series = client.get(f"/{language}/{SERIES_SLUG}/")
    episode = client.get(f"/{language}/{SERIES_SLUG}/episode-0002/")

    assert series.status_code == episode.status_code == 200
    assert "Generated episode 2 (sample)" in episode.text
    assert f'<html lang="{language}"' in episode.text


def test_running_again_changes_nothing(programme):
    before = counts()

    generate()

    assert counts() == before


def test_a_bigger_programme_adds_only_the_missing_episodes(programme):
    first = set(generated_episodes("el").values_list("pk", flat=True))

    generate(episodes=4)

    assert first < set(generated_episodes("el").values_list("pk", flat=True))
    assert generated_episodes("el").count() == 4


def test_remove_deletes_what_it_made_and_leaves_the_demo(programme, client):
    generate(remove=True)

    assert counts() == programme
    assert client.get(f"/en/{SERIES_SLUG}/").status_code == 404
    assert client.get("/el/infected-cities/athens/").status_code == 200


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"languages": "el,xx"}, "Unknown language xx"),
        ({"episodes": -1}, "--episodes must be 0 or more"),
    ],
)
def test_bad_input_is_a_command_error(demo, options, message):
    with pytest.raises(CommandError, match=message):
        generate(**options)


def test_without_a_home_page_it_says_what_to_do():
    Page.objects.filter(depth=2, locale__language_code="en").delete()

    with pytest.raises(CommandError, match="load_demo_content"):
        generate()
