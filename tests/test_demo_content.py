"""The demo loader builds Infected Cities in six languages through wagtail-localize."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from livecasts.models import City, EpisodePage, Person

LANGUAGES = ["en", "nl", "fr", "el", "pl", "es"]
EPISODES = ["paris", "athens", "warsaw", "madrid"]


pytestmark = pytest.mark.django_db


def counts():
    return {
        "pages": Page.objects.count(),
        "people": Person.objects.count(),
        "cities": City.objects.count(),
        "translations": Translation.objects.count(),
        "revisions": sum(page.revisions.count() for page in Page.objects.all()),
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_the_whole_tree(demo, language):
    assert Page.objects.filter(locale__language_code=language, live=True).count() >= 9
    assert EpisodePage.objects.filter(locale__language_code=language).count() == 4


@pytest.mark.parametrize("language", LANGUAGES[1:])
def test_translations_are_real_translations_in_their_own_language(demo, language):
    for english in EpisodePage.objects.filter(locale__language_code="en"):
        translated = english.get_translation(Locale.objects.get(language_code=language))
        assert translated.summary != english.summary
        assert str(translated.body) != str(english.body)
        assert translated.slug == english.slug
        source = Translation.objects.get(
            source__object_id=english.translation_key, target_locale__language_code=language
        )
        total, done = source.get_progress()
        assert total == done > 0


def test_greek_pages_are_written_in_greek_script(demo, client):
    text = client.get("/el/infected-cities/athens/").text

    assert "Αθήνα" in text
    assert '<html lang="el"' in text


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", EPISODES)
def test_every_episode_answers_in_every_language(demo, client, language, slug):
    response = client.get(f"/{language}/infected-cities/{slug}/")

    assert response.status_code == 200
    assert f'<html lang="{language}"' in response.text


def test_people_are_labelled_as_samples(demo):
    assert Person.objects.filter(is_sample=False).count() == 0


def test_a_second_run_changes_nothing(demo):
    before = counts()

    call_command("load_demo_content", stdout=io.StringIO())

    assert counts() == before
