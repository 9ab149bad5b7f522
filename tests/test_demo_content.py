"""The demo loader builds Infected Cities in six languages through wagtail-localize."""

import io
import re

import pytest
from django.core.management import call_command
from django.http import HttpRequest
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail_localize.models import Translation, TranslationSource

from home.models import HomePage, StandardPage
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


# --- `make run` again, after editors added content ------------------------------------------


def make_run():
    """What `make run` does before it starts the server; returns what it printed."""
    out, err = io.StringIO(), io.StringIO()
    call_command("migrate", interactive=False, verbosity=0)
    call_command("setup_roles", "--demo-users", stdout=out)
    call_command("load_demo_content", stdout=out, stderr=err)
    call_command("ensure_local_admin", "--url", "http://127.0.0.1:8000", stdout=out)
    return out.getvalue() + err.getvalue()


def printed_logins(output):
    return dict(re.findall(r"username (\S+)  password (\S+)", output))


def add_page_as_an_editor(client):
    home = HomePage.objects.get(locale__language_code="en", depth=2)
    form = nested_form_data(
        {
            "title": "Volunteers wanted",
            "slug": "volunteers",
            "intro": rich_text("<p>Help us run the next livecast.</p>"),
            "hero_image": "",
            "body": streamfield([]),
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
    )
    response = client.post(
        reverse("wagtailadmin_pages:add", args=["home", "standardpage", home.pk]), form
    )
    assert response.status_code == 302, response.text
    return StandardPage.objects.get(slug="volunteers")


def add_person_as_an_editor(client):
    form = {"name": "Ana Editor", "profession": "Curator", "bio": "", "photo": "", "website": ""}
    response = client.post(reverse("wagtailsnippets_livecasts_person:add") + "?locale=en", form)
    assert response.status_code == 302, response.text
    return Person.objects.get(name="Ana Editor")


def test_make_run_twice_after_editors_added_content(demo, client, settings):
    settings.DEBUG = True
    logins = printed_logins(make_run())
    assert {"admin", "translator-el"} <= set(logins)
    assert client.login(request=HttpRequest(), username="admin", password=logins["admin"])
    page = add_page_as_an_editor(client)
    person = add_person_as_an_editor(client)
    revisions = page.revisions.count()

    second = make_run()

    assert printed_logins(second) == {}  # nobody's password was reset
    assert "lacks" not in second and "untranslated" not in second
    for username, password in logins.items():
        assert client.login(request=HttpRequest(), username=username, password=password), username
    assert page.revisions.count() == revisions
    assert StandardPage.objects.get(pk=page.pk).title == "Volunteers wanted"
    assert page.get_translations().count() == 0
    assert person.get_translations().count() == 0
    assert not TranslationSource.objects.get_for_instance_or_none(page)
    assert client.get("/en/volunteers/").status_code == 200
