"""Requests no reader would send get a 4xx, never a 500: JSON under /api/, a page in the
reader's language elsewhere. One test per cause a probe of hostile requests found."""

import pytest
from django.test import Client
from wagtail.contrib.search_promotions.models import Query

pytestmark = pytest.mark.django_db

BAD_REQUEST = {
    "en": "Bad request",
    "nl": "Ongeldig verzoek",
    "fr": "Requête incorrecte",
    "el": "Μη έγκυρο αίτημα",
    "pl": "Nieprawidłowe żądanie",
    "es": "Solicitud incorrecta",
}
HUGE = "99999999999999999999"  # beyond 2**63


@pytest.fixture
def browser():
    return Client(raise_request_exception=False)


def assert_page_in(response, language, status=400):
    assert response.status_code == status
    assert response["Content-Type"].startswith("text/html")
    assert f'<html lang="{language}"' in response.text
    assert BAD_REQUEST[language] in response.text


def assert_json(response, status=400):
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/json"
    assert response.json()["message"]


@pytest.mark.parametrize("language", sorted(BAD_REQUEST))
@pytest.mark.parametrize("q", ["%00", "a%00b"])
def test_a_nul_in_the_search_query_is_a_bad_request_in_the_readers_language(
    browser, demo, language, q
):
    response = browser.get(f"/{language}/search/?q={q}")

    assert_page_in(response, language)
    assert not Query.objects.exists()


def test_other_control_characters_in_any_parameter_are_refused(browser, demo):
    assert_page_in(browser.get("/fr/search/?q=paris&page=1%1b"), "fr")
    assert_page_in(browser.get("/pl/?ref=%7f"), "pl")
    assert_page_in(browser.get("/el/a%00b/"), "el")


def test_campaign_tags_are_read_by_no_view_and_never_refused(browser, demo):
    response = browser.get("/pl/?utm_source=%00&fbclid=%1b")

    assert response.status_code == 200


def test_tabs_and_line_breaks_are_whitespace_in_a_query(browser, demo):
    response = browser.get("/en/search/?q=%09Paris%0D%0A")

    assert response.status_code == 200
    assert 'value="Paris"' in response.text


def test_a_query_that_grows_when_folded_is_cut_after_folding(browser, demo):
    """U+FDFA folds to four words: 50 of them were a RecursionError in the search backend."""
    response = browser.get("/en/search/", {"q": "\ufdfa" * 50})

    assert response.status_code == 200
    (recorded,) = Query.objects.values_list("query_string", flat=True)
    assert len(recorded.split()) <= 32 and len(recorded) <= 200


def test_a_long_query_is_cut_and_shown_cut(browser, demo):
    response = browser.get("/el/search/", {"q": "Αθήνα " * 2000})

    assert response.status_code == 200
    assert f'value="{" ".join(["Αθήνα"] * 32)}"' in response.text


@pytest.mark.parametrize("endpoint", ["pages", "images"])
@pytest.mark.parametrize(
    "query",
    [
        f"offset={HUGE}",
        f"limit={HUGE}",
        "locale=%00",
        "search=%00",
        "site=%00",
        "search=paris&search_operator=xor",
        "search=paris&search_operator=",
    ],
)
def test_api_refuses_hostile_parameters_with_json(browser, demo, endpoint, query):
    response = browser.get(f"/api/v2/{endpoint}/?{query}")

    assert_json(response)


def test_api_find_refuses_a_nul_in_the_html_path(browser, demo):
    assert_json(browser.get("/api/v2/pages/find/?html_path=%00"))
    assert_json(browser.get("/api/v2/pages/find/?html_path=/en/a%00b/"))


def test_api_still_takes_its_operators(browser, demo):
    response = browser.get("/api/v2/pages/?search=paris&search_operator=or&offset=0&limit=5")

    assert response.status_code == 200
    assert response.json()["items"]


@pytest.mark.parametrize("path", ["/api/v2/nothing/", "/api/v2/pages/999999/", "/api/"])
def test_api_not_found_is_json_and_never_redirected(browser, demo, path):
    assert_json(browser.get(path), status=404)


def test_api_has_no_browsable_html(browser, demo):
    for response in (
        browser.get("/api/v2/pages/?format=api"),
        browser.get("/api/v2/pages/", headers={"accept": "text/html"}),
    ):
        assert response.status_code in (200, 404, 406)
        assert response["Content-Type"] == "application/json"
        assert "<html" not in response.text


def test_a_foreign_host_gets_a_bad_request_page(browser, demo, settings):
    settings.ALLOWED_HOSTS = ["citymakers.example.org"]

    response = browser.get("/nl/", headers={"host": "evil.example"})

    assert_page_in(response, "nl")


@pytest.mark.parametrize(
    "accept_language",
    ["\x00", "el;q=" + "9" * 200, "x" * 5000, "*;q=nan, el-" + "Ω" * 100, ",,,;;;q=-1"],
)
def test_hostile_accept_language_is_read_as_no_preference(browser, demo, accept_language):
    response = browser.get("/", headers={"accept-language": accept_language})

    assert response.status_code == 302
    assert response["Location"].startswith("/en/")


def test_api_never_echoes_markup(browser, demo):
    response = browser.get("/api/v2/pages/", {"order": "<script>x()</script>"})

    assert_json(response)
    assert b"<script>" not in response.content
    assert "<script>x()</script>" in response.json()["message"]


def test_outside_the_language_prefix_the_page_follows_accept_language(browser, demo):
    response = browser.get("/sitemap.xml?x=%00", headers={"accept-language": "el"})

    assert_page_in(response, "el")
