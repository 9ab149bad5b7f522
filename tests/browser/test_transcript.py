"""The transcript under the recording: closed until the reader opens it, each time playing the
click-to-play recording from that moment, and an address ending in #transcript-<seconds>
showing that line; the provider hears nothing before the click."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
VIDEO_PROVIDER = "https://www.youtube-nocookie.com/"
PAGE = "/en/infected-cities/paris/"  # the demo's recorded edition, with a sample transcript


def test_a_transcript_time_starts_the_player_at_its_moment(open_context):
    context, watch = open_context("desktop")
    page = context.new_page()
    page.goto(PAGE)

    transcript = page.locator("details.transcript")
    line = page.locator("#transcript-150")
    expect(transcript).not_to_have_attribute("open", re.compile(".*"))
    expect(line).to_be_hidden()
    transcript.locator("summary").click()
    expect(line).to_be_visible()
    time_link = line.get_by_role("link", name=re.compile("2:30"))
    expect(time_link).to_have_attribute("href", re.compile(r"[?&]t=150s$"))  # without script
    assert page.locator("iframe").count() == 0
    assert watch.third_party == []

    time_link.click()
    frame = page.locator(".broadcast iframe")
    expect(frame).to_be_visible()
    expect(frame).to_have_attribute(
        "src", re.compile(r"^" + re.escape(VIDEO_PROVIDER) + r".*[?&]start=150$")
    )
    expect(page).to_have_url(re.compile(re.escape(PAGE) + "$"))  # the page stays
    assert watch.third_party and all(url.startswith(VIDEO_PROVIDER) for url in watch.third_party)
    assert watch.problems(third_party_allowed=(VIDEO_PROVIDER,)) == []


@pytest.mark.parametrize("language", ["en", "el"])
def test_an_address_to_a_moment_shows_that_line(open_context, language):
    context, watch = open_context("phone")
    page = context.new_page()
    page.goto(f"/{language}/infected-cities/paris/#transcript-400")

    line = page.locator("#transcript-400")
    expect(line).to_be_visible()
    expect(line).to_be_in_viewport()
    expect(line.locator("time")).to_have_text("6:40")
    assert watch.problems() == []
