"""Journey 2: the Greek translator finds the editor's new episode missing in Greek in the
translation status report, translates it in wagtail-localize's editor and publishes it;
readers get the Greek page, linked to the English one with hreflang both ways; the
translator still cannot open the English page's edit view."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.admin import (
    ADMIN_THIRD_PARTIES,
    EDIT_VIEW,
    Episode,
    create_and_publish_episode,
    log_in,
)
from tests.browser.browsing import ARTIFACTS
from tests.browser.site_server import ADMIN, GREEK_TRANSLATOR

pytestmark = pytest.mark.browser
EPISODE = Episode()
GREEK_TITLE = "Infected Cities: Μαδρίτη, ένα χρόνο μετά"
GREEK_BOLD = "κράτησαν την πόλη σε διάλογο"
GREEK = {
    EPISODE.title: GREEK_TITLE,
    EPISODE.summary: "Ένα χρόνο μετά, οι δημιουργοί της Μαδρίτης κοιτάζουν πίσω μια πόλη "
    "που δεν σταμάτησε να συζητά.",
    f"{EPISODE.text_before}<b>{EPISODE.text_bold}</b>{EPISODE.text_after}": (
        f"Οι δημιουργοί της Μαδρίτης <b>{GREEK_BOLD}</b> σε μια χρονιά με κλειστές πόρτες."
    ),
    EPISODE.quote: "Ο πολιτισμός είναι ο τρόπος που μια πόλη κρατά τη φωνή της.",
    EPISODE.attribution: "Ομιλήτρια από τη Μαδρίτη (δείγμα)",
    EPISODE.alt_text: "Η Πλάθα Μαγιόρ της Μαδρίτης το σούρουπο",
    EPISODE.caption: "Η Πλάθα Μαγιόρ, όπου έγινε η πρώτη συνάντηση.",
    "Host": "Παρουσιαστής",
    "Guest": "Καλεσμένη",
}
GREEK_PATH = EPISODE.path.replace("/en/", "/el/", 1)


@pytest.fixture
def english_edit_url(open_context, site, journeys, tmp_path):
    """The editor's episode (journey 1); published here when that journey did not run."""
    if "episode_edit_url" not in journeys:
        context, _ = open_context("desktop")
        page = context.new_page()
        log_in(page, ADMIN, site.passwords[ADMIN])
        journeys["episode_edit_url"] = create_and_publish_episode(page, EPISODE, tmp_path)
    return journeys["episode_edit_url"]


def open_status_report(page: Page):
    page.get_by_role("button", name="Reports").click()
    page.locator("#wagtail-sidebar").get_by_role("link", name="Translation status").click()
    expect(page.get_by_role("heading", name="Translation status")).to_be_visible()


def start_translating(page: Page):
    title_cell = page.get_by_role("cell", name=EPISODE.title, exact=True)
    row = page.get_by_role("row").filter(has=title_cell)
    expect(row).to_contain_text("Ελληνικά")
    expect(row).to_contain_text("Missing", ignore_case=True)
    row.get_by_role("link", name="Start translating").click()
    page.get_by_role("button", name="Start translating").click()
    expect(page.get_by_text("English to Ελληνικά translation")).to_be_visible()


def translate_every_segment(page: Page):
    for source, greek in GREEK.items():
        segment = page.locator("li:has(> p)").filter(has=page.get_by_text(source, exact=True))
        expect(segment).to_be_visible()
        start = segment.get_by_role("button", name="Translate")
        if start.count():  # the first segment opens ready for typing
            start.click()
        segment.get_by_role("textbox").fill(greek)
        segment.get_by_role("button", name="Save").click()
        expect(segment.get_by_role("button", name="Edit")).to_be_visible()


def assert_hreflang(page: Page, site, language, path):
    link = page.locator(f'head link[rel="alternate"][hreflang="{language}"]')
    expect(link).to_have_attribute("href", site.url + path)


def test_greek_translator_translates_and_publishes_the_new_episode(
    open_context, site, english_edit_url
):
    context, admin_watch = open_context("desktop")
    page = context.new_page()
    log_in(page, GREEK_TRANSLATOR, site.passwords[GREEK_TRANSLATOR])
    open_status_report(page)
    start_translating(page)
    translate_every_segment(page)
    page.get_by_role("button", name="Publish in Ελληνικά").click()
    expect(page.get_by_text(f"Published '{GREEK_TITLE}' in Ελληνικά")).to_be_visible()

    reader_context, watch = open_context("desktop")
    reader = reader_context.new_page()
    reader.goto(GREEK_PATH)
    expect(reader.locator("html")).to_have_attribute("lang", "el")
    expect(reader.get_by_role("heading", level=1)).to_have_text(GREEK_TITLE)
    expect(reader.locator(".body b, .body strong")).to_have_text(GREEK_BOLD)
    expect(reader.locator("blockquote")).to_contain_text(GREEK[EPISODE.quote])
    expect(reader.get_by_role("img", name=GREEK[EPISODE.alt_text])).to_be_visible()
    assert_hreflang(reader, site, "en", EPISODE.path)
    reader.goto(EPISODE.path)
    assert_hreflang(reader, site, "el", GREEK_PATH)
    assert watch.problems() == []

    page.goto(english_edit_url)
    expect(page).not_to_have_url(EDIT_VIEW)
    expect(page.get_by_text(re.compile("do not have permission"))).to_be_visible()
    page.screenshot(path=ARTIFACTS / "translator-refused-english-edit-view.png")
    assert admin_watch.third_party_except(ADMIN_THIRD_PARTIES) == []
    assert admin_watch.csp_violations == []
