"""Error pages speak the reader's language and offer a way back."""

import base64
import hashlib
import re

import pytest
from bs4 import BeautifulSoup
from django.db.utils import OperationalError
from django.urls import reverse
from wagtail.models import Locale

from livecasts.models import SeriesPage
from tests.factories import SeriesPageFactory, home_page

pytestmark = pytest.mark.django_db

SOMETHING_WENT_WRONG_IN_GREEK = "Κάτι πήγε στραβά"
GO_HOME_IN_GREEK = "Μετάβαση στην αρχική σελίδα"


@pytest.mark.parametrize(
    ("language", "heading", "way_home"),
    [
        ("el", "Η σελίδα δεν βρέθηκε", GO_HOME_IN_GREEK),
        ("fr", "Page introuvable", "Aller à la page d'accueil"),
    ],
)
def test_a_missing_page_is_explained_in_the_readers_language_with_a_way_home(
    client, language, heading, way_home
):
    response = client.get(f"/{language}/no-such-page/")

    page = BeautifulSoup(response.text, "html.parser")
    assert response.status_code == 404
    assert page.html["lang"] == language
    assert page.h1.get_text(strip=True) == heading
    assert page.find("a", string=way_home)["href"] == f"/{language}/"


def test_500_in_the_readers_language_without_a_traceback(client, monkeypatch):
    series = SeriesPageFactory(parent=home_page())
    greek = series.copy_for_translation(Locale.objects.get(language_code="el"), copy_parents=True)
    greek.save_revision().publish()

    def broken(*args, **kwargs):
        raise RuntimeError("simulated failure")

    monkeypatch.setattr(SeriesPage, "serve", broken)
    client.raise_request_exception = False
    response = client.get(greek.url)

    assert response.status_code == 500
    assert '<html lang="el">' in response.text
    assert SOMETHING_WENT_WRONG_IN_GREEK in response.text
    way_home = BeautifulSoup(response.text, "html.parser").find("a", string=GO_HOME_IN_GREEK)
    assert way_home["href"] == "/el/"
    assert "Traceback" not in response.text and "simulated failure" not in response.text
    assert response["X-Request-ID"] in response.text  # the reference the log line carries
    assert "Retry-After" not in response


def test_a_database_outage_is_a_503_in_the_readers_language_with_retry_after(client, monkeypatch):
    series = SeriesPageFactory(parent=home_page())
    french = series.copy_for_translation(Locale.objects.get(language_code="fr"), copy_parents=True)
    french.save_revision().publish()

    def unreachable(*args, **kwargs):
        raise OperationalError("connection to server at 127.0.0.1 failed: Connection refused")

    monkeypatch.setattr(SeriesPage, "serve", unreachable)
    client.raise_request_exception = False
    response = client.get(french.url)

    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert '<html lang="fr">' in response.text and "Momentanément indisponible" in response.text
    assert response["X-Request-ID"] in response.text
    assert "no-store" in response["Cache-Control"]
    [style] = re.findall(r"<style>(.*?)</style>", response.text, flags=re.S)
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert f"style-src 'sha256-{digest}'" in response["Content-Security-Policy"]


def test_api_server_errors_are_json(client, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("simulated failure")

    monkeypatch.setattr("citymakers.api.LocalisedPagesAPIViewSet.listing_view", broken)
    client.raise_request_exception = False
    response = client.get("/api/v2/pages/")

    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    assert response.json()["request_id"] == response["X-Request-ID"]
    assert "simulated failure" not in response.text


def test_a_form_without_its_csrf_token_gets_a_403_in_the_readers_language():
    from django.test import Client

    browser = Client(enforce_csrf_checks=True, headers={"accept-language": "el"})
    response = browser.post(reverse("wagtailadmin_login"), {"username": "admin", "password": "x"})

    assert response.status_code == 403
    assert '<html lang="el"' in response.text
    assert "Η φόρμα δεν μπόρεσε να σταλεί" in response.text
    assert "<style" not in response.text  # nothing the Content-Security-Policy would block
