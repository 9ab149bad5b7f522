"""Gates on every public page type in English and Greek: no WCAG 2.2 A/AA violation found by
axe-core, no console error, no failed request, no request to another host, and HTML the Nu
HTML Checker finds no error in."""

import json
import subprocess
import urllib.error
import urllib.request
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from tests.browser.browsing import VNU_JAR, run_axe

pytestmark = pytest.mark.browser
LANGUAGES = ["en", "el"]
SEARCH_QUERY = {"en": "Athens", "el": "Αθήνα"}
# Found only in another language: the results page offers those, labelled by language.
ELSEWHERE_QUERY = {"en": "Αθήνα", "el": "Paris"}
# A language each sample episode is not translated into: its address there is a helpful 404.
UNTRANSLATED_IN = {"en": "nl", "el": "pl"}
PAGE_TYPES = {
    "home": "/{language}/",
    "series": "/{language}/infected-cities/",
    "episode": "/{language}/infected-cities/paris/",
    "episode-upcoming": "/{language}/infected-cities/sample-upcoming/",
    "episode-live": "/{language}/infected-cities/sample-live/",
    "episode-recorded": "/{language}/infected-cities/sample-recorded/",
    "episode-cancelled": "/{language}/infected-cities/sample-cancelled/",
    "organisation-index": "/{language}/organisations/",
    "organisation": "/{language}/organisations/dutchculture/",
    "standard-page": "/{language}/about/",
    "people-index": "/{language}/people/",
    "person": "/{language}/people/sample-speaker-from-athens/",
    "person-with-chapters": "/{language}/people/sample-speaker-from-paris/",  # Paris's chapters
    "search-results": "/{language}/search/?q={query}",
    "search-other-languages": "/{language}/search/?q={elsewhere}",
    "not-found": "/{language}/no-such-page/",
    "not-translated": "/{untranslated}/infected-cities/sample-upcoming/",
}

# What the broadcast section says in each sample's state (tests/browser/episode_states.py).
STATE_TEXT = {
    "episode-upcoming": {"en": "Upcoming", "el": "Προσεχώς"},
    "episode-live": {"en": "Live now", "el": "Ζωντανά τώρα"},
    "episode-recorded": {"en": "Watch the recording", "el": "Δείτε τη βιντεοσκόπηση"},
    "episode-cancelled": {"en": "Cancelled", "el": "Ακυρώθηκε"},
}
# Episodes whose recording has chapters (the demo's Paris edition and the recorded sample).
CHAPTER_TEXT = {
    "episode": {"en": "Sample chapter: questions from the audience", "el": "Δείγμα κεφαλαίου"},
    "episode-recorded": {"en": "Sample chapter: the first guest", "el": "Δείγμα κεφαλαίου"},
}

# The demo's Paris edition has a sample transcript (home/demo/content.py).
TRANSCRIPT_TEXT = {"episode": {"en": "Transcript", "el": "Απομαγνητοφώνηση"}}


def page_path(page_type, language):
    return PAGE_TYPES[page_type].format(
        language=language,
        query=quote(SEARCH_QUERY[language]),
        elsewhere=quote(ELSEWHERE_QUERY[language]),
        untranslated=UNTRANSLATED_IN[language],
    )


def expected_status(page_type):
    return 404 if page_type in ("not-found", "not-translated") else 200


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_page_is_accessible_and_loads_cleanly(open_context, site, page_type, language):
    context, watch = open_context("desktop")
    page = context.new_page()
    url = site.url + page_path(page_type, language)
    if expected_status(page_type) != 200:
        watch.expect_status(url, expected_status(page_type))

    response = page.goto(url)
    assert response.status == expected_status(page_type)
    if page_type.startswith("search-"):  # the results markup is what this page type is about
        expect(page.get_by_role("main").get_by_role("heading", level=2).first).to_be_visible()
    if page_type == "not-translated":  # the ways on to the languages it exists in
        expect(page.get_by_role("main").locator(f'a[hreflang="{language}"]')).to_be_visible()
    if page_type in STATE_TEXT:  # the sample really is in the state it stands for
        expect(page.locator(".broadcast")).to_contain_text(STATE_TEXT[page_type][language])
    if page_type in CHAPTER_TEXT:
        expect(page.locator(".chapters")).to_contain_text(CHAPTER_TEXT[page_type][language])
    if page_type in TRANSCRIPT_TEXT:  # checked closed and, below, opened
        expect(page.locator(".transcript summary")).to_have_text(
            TRANSCRIPT_TEXT[page_type][language]
        )
        page.locator(".transcript summary").click()
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")  # load lazy images too
    page.wait_for_load_state("networkidle")

    assert run_axe(page) == []
    assert watch.problems() == []


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read()
    except urllib.error.HTTPError as error:
        return error.read()


def test_served_html_is_valid(site, tmp_path):
    """One run of the Nu HTML Checker over every page type in both languages."""
    for page_type in PAGE_TYPES:
        for language in LANGUAGES:
            html = fetch(site.url + page_path(page_type, language))
            (tmp_path / f"{language}-{page_type}.html").write_bytes(html)
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--stdout"]
        + sorted(str(path) for path in tmp_path.glob("*.html")),
        capture_output=True,
        text=True,
        timeout=180,
    )
    messages = json.loads(result.stdout)["messages"]
    errors = [
        f"{message['url'].rsplit('/', 1)[-1]}:{message.get('lastLine', '?')}: {message['message']}"
        for message in messages
    ]
    assert errors == []
