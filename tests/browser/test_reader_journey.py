"""Journey 3: a reader on a phone and on a desktop, with a pointer and with the keyboard alone:
home → series → episode, to Polish and back, the series calendar (a valid .ics), a search
for a city, and the click-to-play recording of a past episode, whose provider is only
contacted once the reader presses play."""

import re

import pytest
from icalendar import Calendar
from playwright.sync_api import Page, expect

from tests.browser.browsing import ARTIFACTS, press_enter_on, tab_to

pytestmark = pytest.mark.browser
VIDEO_PROVIDER = "https://www.youtube-nocookie.com/"


class Reader:
    """Follows links and fills fields with the pointer, or with Tab and Enter alone (then
    every focus stop is checked to be visible)."""

    def __init__(self, page: Page, keyboard):
        self.page, self.keyboard = page, keyboard

    def follow(self, target, backwards=False):
        if self.keyboard:
            press_enter_on(self.page, target, backwards=backwards)
        else:
            target.click()

    def arrive(self, path):
        expect(self.page).to_have_url(re.compile(re.escape(path) + "$"))
        self.page.wait_for_load_state()

    def search(self, field, words):
        if self.keyboard:
            tab_to(self.page, field)
            self.page.keyboard.type(words)
        else:
            field.fill(words)
        self.page.keyboard.press("Enter")


def main_menu(page):
    return page.get_by_role("navigation", name="Main")


def switch_language(reader, page, language_name, path, language_code):
    """The switcher's label is in the page's language; its links are named in their own."""
    reader.follow(page.get_by_role("banner").get_by_role("link", name=language_name, exact=True))
    reader.arrive(path)
    expect(page.locator("html")).to_have_attribute("lang", language_code)


def home_series_episode(reader, page):
    page.goto("/en/")
    reader.follow(main_menu(page).get_by_role("link", name="Infected Cities", exact=True))
    reader.arrive("/en/infected-cities/")
    reader.follow(page.get_by_role("link", name="Infected Cities: Athens"))
    reader.arrive("/en/infected-cities/athens/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Infected Cities: Athens")


def polish_and_back(reader, page):
    switch_language(reader, page, "Polski", "/pl/infected-cities/athens/", "pl")
    expect(page.get_by_role("heading", level=1)).to_have_text("Infected Cities: Ateny")
    switch_language(reader, page, "English", "/en/infected-cities/athens/", "en")


def download_series_calendar(reader, page, folder):
    breadcrumbs = page.get_by_role("navigation", name="Breadcrumb")
    reader.follow(breadcrumbs.get_by_role("link", name="Infected Cities", exact=True))
    reader.arrive("/en/infected-cities/")
    with page.expect_download() as download:
        reader.follow(page.get_by_role("link", name="Download the calendar (.ics)"))
    saved = folder / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.suffix == ".ics"
    calendar = Calendar.from_ical(saved.read_bytes())
    events = calendar.walk("VEVENT")
    assert str(calendar["X-WR-CALNAME"]) == "Infected Cities"
    assert {str(event["SUMMARY"]) for event in events} >= {"Infected Cities: Paris"}
    assert all(event.get("DTSTART") and event.get("UID") for event in events)


def search_for_a_city(reader, page):
    reader.follow(main_menu(page).get_by_role("link", name="Search"))
    reader.arrive("/en/search/")
    reader.search(page.get_by_role("searchbox", name="Search episodes"), "Paris")
    expect(page.get_by_role("status")).to_contain_text("Paris")
    reader.follow(page.get_by_role("main").get_by_role("link", name="Infected Cities: Paris"))
    reader.arrive("/en/infected-cities/paris/")


def press_play(reader, page, watch):
    player = page.get_by_role("button", name=re.compile(r"^Play “"))
    expect(player).to_be_visible()
    assert page.locator("iframe").count() == 0
    assert watch.third_party == []
    reader.follow(player)
    frame = page.locator("iframe")
    expect(frame).to_be_visible()
    expect(frame).to_have_attribute("src", re.compile("^" + re.escape(VIDEO_PROVIDER)))
    # Focus moves to the player; the (cross-origin) frame may take it over from the page.
    assert frame.evaluate("frame => frame === document.activeElement")
    assert watch.third_party and all(url.startswith(VIDEO_PROVIDER) for url in watch.third_party)


@pytest.mark.parametrize("input_mode", ["pointer", "keyboard"])
@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_reader_journey(open_context, viewport, input_mode, tmp_path):
    context, watch = open_context(viewport, accept_downloads=True)
    page = context.new_page()
    reader = Reader(page, keyboard=input_mode == "keyboard")

    home_series_episode(reader, page)
    polish_and_back(reader, page)
    download_series_calendar(reader, page, tmp_path)
    search_for_a_city(reader, page)
    press_play(reader, page, watch)

    page.screenshot(path=ARTIFACTS / f"reader-{viewport}-{input_mode}.png")
    assert watch.problems(third_party_allowed=(VIDEO_PROVIDER,)) == []
