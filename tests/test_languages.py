import pytest

LANGUAGES = ["en", "nl", "fr", "el", "pl", "es"]

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_a_home_page_that_declares_its_language(client, language):
    response = client.get(f"/{language}/")

    assert response.status_code == 200
    assert f'<html lang="{language}"' in response.text


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [("el", "/el/"), ("pl-PL,pl;q=0.9,en;q=0.5", "/pl/"), ("fr-CA", "/fr/"), ("ja", "/en/")],
)
def test_root_redirects_to_the_readers_language(client, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)

    assert response.status_code == 302
    assert response["Location"] == expected


def test_root_without_accept_language_goes_to_english(client):
    response = client.get("/")

    assert response["Location"] == "/en/"


@pytest.mark.parametrize("path", ["/xx/", "/xx/infected-cities/", "/en/no-such-page/"])
def test_unknown_prefix_or_page_ends_in_404(client, path):
    response = client.get(path, follow=True)

    assert response.status_code == 404


def test_admin_and_machine_endpoints_live_outside_the_language_prefix(client):
    assert client.get("/healthz").status_code == 200
    assert client.get("/robots.txt").status_code == 200
    assert client.get("/sitemap.xml").status_code == 200
    assert client.get("/admin/login/").status_code == 200
