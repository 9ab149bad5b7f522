"""Captions in the reader's language are switched on when the reader presses play, and offered
as a download; the provider hears nothing before the click."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
VIDEO_PROVIDER = "https://www.youtube-nocookie.com/"
PAGE = "/{language}/infected-cities/sample-recorded/"  # English captions only


def press_play(page):
    page.locator(".broadcast .video__play").click()
    frame = page.locator(".broadcast iframe")
    expect(frame).to_be_visible()
    return frame


def test_play_switches_on_captions_in_the_readers_language(open_context):
    context, watch = open_context("desktop")
    page = context.new_page()
    page.goto(PAGE.format(language="en"))

    downloads = page.get_by_role("region", name="Captions (WebVTT)")
    download = downloads.get_by_role("link", name="English", exact=True)
    expect(download).to_have_attribute("href", re.compile(r"/captions/en\.vtt$"))
    assert watch.third_party == []

    frame = press_play(page)
    expect(frame).to_have_attribute(
        "src",
        re.compile(r"^" + re.escape(VIDEO_PROVIDER) + r".*[?&]cc_lang_pref=en&cc_load_policy=1"),
    )
    assert watch.problems(third_party_allowed=(VIDEO_PROVIDER,)) == []


def test_a_language_without_captions_leaves_the_choice_to_the_player(open_context):
    context, _watch = open_context("desktop")
    page = context.new_page()
    page.goto(PAGE.format(language="el"))

    frame = press_play(page)
    expect(frame).to_have_attribute("src", re.compile(r"^" + re.escape(VIDEO_PROVIDER)))
    assert "cc_lang_pref" not in frame.get_attribute("src")
