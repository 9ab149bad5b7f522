"""Machine translation: off unless a key is configured, and wired to the translation editor."""

import html
import json
import runpy

import pytest
from django.urls import reverse

from citymakers.settings import base as base_settings
from tests.translation_fixtures import (
    add_episode,
    locale,
    start_translation,
)

NO_KEYS = {"DEEPL_API_KEY": "", "GOOGLE_TRANSLATE_PROJECT_ID": ""}


def configured(monkeypatch, **env):
    """The machine translator the settings choose when the server starts with `env`."""
    for name, value in {**NO_KEYS, **env}.items():
        monkeypatch.setenv(name, value)
    settings = runpy.run_path(base_settings.__file__)
    return settings["WAGTAILLOCALIZE_MACHINE_TRANSLATOR"]


def test_no_machine_translator_by_default(monkeypatch):
    assert configured(monkeypatch) is None


def test_deepl_key_from_the_environment_enables_deepl(monkeypatch):
    setting = configured(monkeypatch, DEEPL_API_KEY="test-key:fx")

    assert setting["CLASS"] == "wagtail_localize.machine_translators.deepl.DeepLTranslator"
    assert setting["OPTIONS"]["AUTH_KEY"] == "test-key:fx"


def test_google_project_enables_google_translate(monkeypatch):
    setting = configured(monkeypatch, GOOGLE_TRANSLATE_PROJECT_ID="city-makers")

    assert setting["CLASS"] == "wagtail_localize.machine_translators.google.GoogleCloudTranslator"
    assert setting["OPTIONS"]["PROJECT_ID"] == "city-makers"


@pytest.fixture
def polish_draft(series):
    start_translation(series, "pl")
    episode = add_episode(series, 13, "Warsaw")
    translation = start_translation(episode, "pl")
    return translation, episode.get_translation(locale("pl"))


def editor_props(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    marker = 'data-props="'
    start = response.text.index(marker) + len(marker)
    return json.loads(html.unescape(response.text[start : response.text.index('"', start)]))


@pytest.mark.django_db
def test_editor_offers_no_machine_translation_without_a_key(
    client, settings, polish_translator, polish_draft
):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
    translation, polish = polish_draft
    client.force_login(polish_translator)

    assert editor_props(client, polish)["machineTranslator"] is None
    url = reverse("wagtail_localize:machine_translate", args=[translation.pk])
    assert client.post(url, follow=True).status_code == 404  # no translator, no endpoint


@pytest.mark.django_db
def test_configured_translator_appears_in_the_editor_and_fills_missing_segments(
    client, settings, polish_translator, polish_draft
):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator",
        "OPTIONS": {},
    }
    translation, polish = polish_draft
    client.force_login(polish_translator)

    assert editor_props(client, polish)["machineTranslator"]["name"] == "Dummy translator"
    url = reverse("wagtail_localize:machine_translate", args=[translation.pk])
    client.post(url, {"next": "/admin/"})

    total, done = translation.get_progress()
    assert total == done > 0
