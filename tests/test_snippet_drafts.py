"""People and cities are edited like pages: a saved draft stays off the site until published."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale

from tests.factories import (
    CityFactory,
    EpisodePageFactory,
    PersonFactory,
    SeriesPageFactory,
    home_page,
)

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-editor-password"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", PASSWORD)


@pytest.fixture
def signed_in(editor):
    client = Client(enforce_csrf_checks=True)
    client.post(
        "/admin/login/",
        {"username": editor.username, "password": PASSWORD, **csrf(client, "/admin/login/")},
    )
    return client


def csrf(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return {
        "csrfmiddlewaretoken": re.search(
            r'name="csrfmiddlewaretoken" value="([^"]+)"', response.text
        )[1]
    }


@pytest.fixture
def person():
    person = PersonFactory(name="Sample Ada", profession="Urban researcher")
    person.save_revision().publish()
    return person


@pytest.fixture
def episode(person):
    episode = EpisodePageFactory(parent=SeriesPageFactory(parent=home_page()), city=CityFactory())
    episode.speakers.create(person=person, role="Guest")
    episode.save_revision().publish()
    return episode


def person_form(person, **changes):
    return {
        "name": person.name,
        "profession": person.profession,
        "bio": "",
        "photo": "",
        "website": "",
        **changes,
    }


def test_a_draft_change_to_a_person_waits_for_publishing(signed_in, person, episode):
    edit_url = reverse("wagtailsnippets_livecasts_person:edit", args=[person.pk])

    draft = person_form(person, profession="Cultural geographer", **csrf(signed_in, edit_url))
    assert signed_in.post(edit_url, draft).status_code == 302

    assert "Urban researcher" in signed_in.get(episode.url).text
    assert "Cultural geographer" not in signed_in.get(episode.url).text

    published = {**draft, "action-publish": "action-publish", **csrf(signed_in, edit_url)}
    assert signed_in.post(edit_url, published).status_code == 302

    assert "Cultural geographer" in signed_in.get(episode.url).text


def test_a_person_is_previewed_with_unsaved_changes(signed_in, person):
    edit_url = reverse("wagtailsnippets_livecasts_person:edit", args=[person.pk])
    preview_url = reverse("wagtailsnippets_livecasts_person:preview_on_edit", args=[person.pk])
    form = person_form(person, profession="Cultural geographer", **csrf(signed_in, edit_url))

    assert signed_in.post(preview_url, form).json()["is_valid"]
    response = signed_in.get(preview_url)

    assert response.status_code == 200
    assert "Sample Ada" in response.text
    assert "Cultural geographer" in response.text


def test_a_city_is_previewed(signed_in):
    city = CityFactory(name="Athens", country="Greece")
    edit_url = reverse("wagtailsnippets_livecasts_city:edit", args=[city.pk])
    preview_url = reverse("wagtailsnippets_livecasts_city:preview_on_edit", args=[city.pk])
    form = {
        "name": "Athens",
        "country": "Greece",
        "time_zone": "Europe/Athens",
        "edition_locale": "",
    }

    assert signed_in.post(preview_url, {**form, **csrf(signed_in, edit_url)}).json()["is_valid"]

    assert "Athens, Greece" in signed_in.get(preview_url).text


def test_an_editor_can_lock_a_person_against_other_editors(signed_in, person, django_user_model):
    lock_url = reverse("wagtailsnippets_livecasts_person:lock", args=[person.pk])
    edit_url = reverse("wagtailsnippets_livecasts_person:edit", args=[person.pk])

    assert signed_in.post(lock_url, csrf(signed_in, edit_url)).status_code == 302

    other = django_user_model.objects.create_superuser("other", "other@example.org", PASSWORD)
    colleague = Client()
    colleague.force_login(other)
    assert "<b>'Sample Ada' was locked</b> by <b>editor</b>" in colleague.get(edit_url).text


def test_an_unpublished_translation_of_a_person_stays_off_the_translated_page(person, episode):
    greek = Locale.objects.get(language_code="el")
    draft = person.copy_for_translation(greek)
    draft.name, draft.live = "Δείγμα Άντα", False
    draft.save()
    translated_episode = episode.copy_for_translation(greek, copy_parents=True)
    translated_episode.save_revision().publish()

    text = Client().get(translated_episode.url).text

    assert "Sample Ada" in text
    assert "Δείγμα Άντα" not in text
