"""Error pages speak the reader's language and offer a way back."""

import pytest
from wagtail.models import Locale

from tests.factories import SeriesPageFactory, home_page

pytestmark = pytest.mark.django_db

SOMETHING_WENT_WRONG_IN_GREEK = "Κάτι πήγε στραβά"


@pytest.mark.parametrize(
    ("language", "text"), [("el", "Η σελίδα δεν βρέθηκε"), ("fr", "Page introuvable")]
)
def test_404_in_the_readers_language(client, language, text):
    response = client.get(f"/{language}/nowhere/")

    assert response.status_code == 404
    assert text in response.text
    assert f'href="/{language}/"' in response.text


def test_500_in_the_readers_language_without_a_traceback(client, monkeypatch):
    series = SeriesPageFactory(parent=home_page())
    greek = series.copy_for_translation(Locale.objects.get(language_code="el"), copy_parents=True)
    greek.save_revision().publish()

    def broken(*args, **kwargs):
        raise RuntimeError("simulated failure")

    monkeypatch.setattr("livecasts.models.SeriesPage.split_episodes", broken)
    client.raise_request_exception = False
    response = client.get(greek.url)

    assert response.status_code == 500
    assert '<html lang="el">' in response.text
    assert SOMETHING_WENT_WRONG_IN_GREEK in response.text
    assert 'href="/el/"' in response.text
    assert "Traceback" not in response.text and "simulated failure" not in response.text


def test_a_form_without_its_csrf_token_gets_a_403_in_the_readers_language():
    from django.test import Client

    browser = Client(enforce_csrf_checks=True, headers={"accept-language": "el"})
    response = browser.post("/admin/login/", {"username": "admin", "password": "x"})

    assert response.status_code == 403
    assert '<html lang="el"' in response.text
    assert "Η φόρμα δεν μπόρεσε να σταλεί" in response.text
    assert "<style" not in response.text  # nothing the Content-Security-Policy would block
