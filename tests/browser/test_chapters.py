"""Chapters seek the click-to-play recording: before play a chapter starts the player at its
moment, after play it moves the player there; the provider hears nothing before the click."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
VIDEO_PROVIDER = "https://www.youtube-nocookie.com/"
PAGE = "/en/infected-cities/sample-recorded/"


def chapter(page, title):
    return page.get_by_role("navigation", name="Chapters").get_by_role("link", name=title)


def test_a_chapter_starts_the_player_at_its_moment_and_moves_it_once_playing(open_context):
    context, watch = open_context("desktop")
    page = context.new_page()
    page.goto(PAGE)

    first_guest = chapter(page, re.compile("the first guest"))
    expect(first_guest).to_have_attribute("href", re.compile(r"[?&]t=95s$"))  # without script
    assert page.locator("iframe").count() == 0
    assert watch.third_party == []

    first_guest.click()
    frame = page.locator(".broadcast iframe")
    expect(frame).to_be_visible()
    expect(frame).to_have_attribute(
        "src", re.compile(r"^" + re.escape(VIDEO_PROVIDER) + r".*[?&]start=95$")
    )
    expect(page).to_have_url(re.compile(re.escape(PAGE) + "$"))  # the page stays

    chapter(page, re.compile("questions")).click()
    expect(frame).to_have_attribute("src", re.compile(r"[?&]start=300$"))
    assert page.locator(".broadcast iframe").count() == 1
    assert watch.third_party and all(url.startswith(VIDEO_PROVIDER) for url in watch.third_party)
    assert watch.problems(third_party_allowed=(VIDEO_PROVIDER,)) == []
