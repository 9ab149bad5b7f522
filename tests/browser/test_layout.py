"""What a reader sees of the layout on a phone (390 px) and a desktop (1280 px): nothing wider
than the screen, the episode's broadcast box beside its text on a desktop, the click-to-play
notice clear of the play button's label in the longest languages, the organisation's logo
above its text on a phone, the footer's languages, and an episode that prints on two pages.

Full-page screenshots of each page go to test-artifacts/screenshots/ for a person to look at."""

import re
import zlib

import pytest
from playwright.sync_api import expect

from tests.browser.browsing import ARTIFACTS

pytestmark = pytest.mark.browser
SCREENSHOTS = ARTIFACTS.parent / "screenshots"
PAGES = {
    "home": "/{language}/",
    "series": "/{language}/infected-cities/",
    "episode": "/{language}/infected-cities/athens/",
    "organisation": "/{language}/organisations/dutchculture/",
    "episode-with-player": "/{language}/infected-cities/sample-recorded/",
}
WIDTHS = {"phone": 390, "desktop": 1280}
RECORDED = PAGES["episode-with-player"]
PLAY_LABELS = {
    "el": "Αναπαραγωγή «Δείγμα επεισοδίου: με βιντεοσκόπηση»",
    "pl": "Odtwórz „Sample episode: recorded”",  # the sample has Greek words only
}
LANGUAGE_NAMES = ["English", "Nederlands", "Français", "Ελληνικά", "Polski", "Español"]


def open_page(browser, site, width, height=844):
    context = browser.new_context(
        base_url=site.url, viewport={"width": width, "height": height}, is_mobile=width < 600
    )
    context.set_default_timeout(15_000)
    return context, context.new_page()


def box(locator):
    found = locator.bounding_box()
    assert found is not None, f"{locator} is not displayed"
    return found


def overlap(first, second):
    """True when the two boxes share any area."""
    return not (
        first["x"] + first["width"] <= second["x"]
        or second["x"] + second["width"] <= first["x"]
        or first["y"] + first["height"] <= second["y"]
        or second["y"] + second["height"] <= first["y"]
    )


@pytest.mark.parametrize("viewport", WIDTHS)
@pytest.mark.parametrize("language", ["en", "el"])
def test_pages_fit_the_screen_and_are_photographed(browser, site, language, viewport):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context, page = open_page(browser, site, WIDTHS[viewport])
    too_wide = {}
    for name, path in PAGES.items():
        page.goto(path.format(language=language))
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")  # load lazy images
        page.wait_for_load_state("networkidle")
        page.screenshot(path=SCREENSHOTS / f"{name}-{language}-{viewport}.png", full_page=True)
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        if scroll_width > WIDTHS[viewport]:
            too_wide[name] = scroll_width
    context.close()

    assert too_wide == {}, f"pages scroll sideways at {WIDTHS[viewport]} px"


@pytest.mark.parametrize("language", ["en", "el"])
def test_on_a_desktop_the_broadcast_box_sits_beside_the_episode_text(browser, site, language):
    context, page = open_page(browser, site, 1280, 800)
    page.goto(PAGES["episode"].format(language=language))
    text, aside = box(page.locator(".episode__main")), box(page.get_by_role("complementary"))
    title = box(page.get_by_role("heading", level=1))
    context.close()

    assert aside["x"] >= text["x"] + text["width"]  # to the right of the text…
    assert aside["y"] < text["y"] + text["height"] and text["y"] < aside["y"] + aside["height"]
    assert title["height"] < 100  # …and the title, given the width, stays on one line


def test_on_a_phone_the_episode_is_one_column(browser, site):
    context, page = open_page(browser, site, 390)
    page.goto(PAGES["episode"].format(language="el"))
    text, aside = box(page.locator(".episode__main")), box(page.get_by_role("complementary"))
    context.close()

    assert aside["y"] + aside["height"] <= text["y"]  # the broadcast first, then the text
    assert abs(aside["x"] - text["x"]) < 1


@pytest.mark.parametrize("width", [320, 390, 430])
@pytest.mark.parametrize("language", ["el", "pl"])
def test_the_click_to_play_notice_never_covers_the_play_label(browser, site, language, width):
    context, page = open_page(browser, site, width)
    page.goto(RECORDED.format(language=language))
    player = page.locator(".video")
    play = player.get_by_role("button")
    label, notice = box(play.locator(".video__label")), box(player.locator(".video__notice"))
    name = play.evaluate("button => button.innerText.trim()")
    context.close()

    assert not overlap(label, notice)
    assert name == PLAY_LABELS[language]  # the title once, and one word to play it


@pytest.mark.parametrize("width", [390, 1280])
def test_the_organisation_logo_stacks_above_its_text_on_a_phone(browser, site, width):
    context, page = open_page(browser, site, width)
    page.goto(PAGES["organisation"].format(language="el"))
    header = page.locator(".organisation__header")
    logo, intro = box(header.locator("img")), box(header.locator(".lead"))
    context.close()

    if width < 600:
        assert logo["y"] + logo["height"] <= intro["y"]
        assert intro["width"] > 300  # the intro has the whole width, not what the logo left
    else:
        assert logo["x"] + logo["width"] <= intro["x"]


def test_the_footer_offers_the_site_in_six_languages(browser, site):
    context, page = open_page(browser, site, 390)
    page.goto("/fr/")
    languages = page.get_by_role("contentinfo").get_by_role("navigation", name="Le site")
    links = languages.get_by_role("link")
    expect(links).to_have_text(LANGUAGE_NAMES)
    hreflangs = links.evaluate_all("links => links.map(link => link.hreflang)")
    context.close()

    assert hreflangs == ["en", "nl", "fr", "el", "pl", "es"]


# Chromium draws each run of text at a position set by Tm (absolute) or Td (relative).
TEXT_POSITION = re.compile(rb"1 0 0 -1 [-\d.]+ ([-\d.]+) Tm|[-\d.]+ ([-\d.]+) Td")


def lines_per_page(pdf):
    """How many lines of text (distinct baselines) each page of a Chromium PDF holds."""
    objects = dict(re.findall(rb"(\d+) 0 obj\s*(.*?)endobj", pdf, re.DOTALL))
    tree = next(body for body in objects.values() if re.search(rb"/Type\s*/Pages\b", body))
    kids = re.findall(rb"(\d+) 0 R", re.search(rb"/Kids\s*\[(.*?)\]", tree).group(1))
    return [_lines(objects, objects[kid]) for kid in kids]


def _lines(objects, page):
    contents = re.search(rb"/Contents\s*(\d+) 0 R", page).group(1)
    stream = re.search(rb"stream\r?\n(.*?)\r?\nendstream", objects[contents], re.DOTALL)
    baseline, baselines = 0.0, set()
    for position in TEXT_POSITION.finditer(zlib.decompress(stream.group(1))):
        absolute, relative = position.groups()
        baseline = float(absolute) if absolute else baseline - float(relative)
        baselines.add(round(baseline))
    return len(baselines)


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("language", ["en", "el"])
def test_an_episode_prints_on_two_pages_without_a_stray_line(browser, site, language, paper):
    context, page = open_page(browser, site, 1280)
    page.goto(PAGES["episode"].format(language=language))
    page.emulate_media(media="print")
    expect(page.locator(".main-menu")).to_be_hidden()
    page.wait_for_load_state("networkidle")
    lines = lines_per_page(page.pdf(format=paper))
    context.close()

    assert 1 <= len(lines) <= 2, lines  # three pages before the print stylesheet
    assert min(lines) >= 5, f"a page holds only a line or two: {lines}"
