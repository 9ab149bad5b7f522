"""Journey 1: an editor creates an episode of Infected Cities in the admin, previews it and
publishes it; readers then find it in the series listing and on its own page."""

import pytest
from playwright.sync_api import expect

from tests.browser.admin import ADMIN_THIRD_PARTIES, Episode, create_and_publish_episode, log_in
from tests.browser.browsing import ARTIFACTS
from tests.browser.site_server import ADMIN

pytestmark = pytest.mark.browser
EPISODE = Episode()


def test_editor_publishes_an_episode_that_readers_then_find(open_context, site, journeys, tmp_path):
    editor, admin_watch = open_context("desktop")
    page = editor.new_page()
    log_in(page, ADMIN, site.passwords[ADMIN])
    journeys["episode_edit_url"] = create_and_publish_episode(page, EPISODE, tmp_path)
    page.goto(EPISODE.path)  # the public page, with Wagtail's user bar for the editor
    expect(page.get_by_role("button", name="View Wagtail quick actions")).to_be_visible()

    reader, watch = open_context("desktop")
    public = reader.new_page()
    public.goto("/en/infected-cities/")
    listing = public.get_by_role("region", name="Upcoming episodes")
    listing.get_by_role("link", name=EPISODE.title).click()

    expect(public).to_have_url(site.url + EPISODE.path)
    expect(public.get_by_role("heading", level=1)).to_have_text(EPISODE.title)
    expect(public.get_by_text(f"{EPISODE.city}, Spain")).to_be_visible()
    expect(public.get_by_text(EPISODE.summary)).to_be_visible()
    speakers = public.get_by_role("region", name="Speakers")
    for person, role in EPISODE.speakers:
        expect(speakers).to_contain_text(person)
        expect(speakers).to_contain_text(role)
    expect(public.locator(".body b, .body strong")).to_have_text(EPISODE.text_bold)
    expect(public.locator("blockquote")).to_contain_text(EPISODE.quote)
    image = public.get_by_role("img", name=EPISODE.alt_text)
    expect(image).to_be_visible()
    assert image.evaluate("img => img.complete && img.naturalWidth > 0")
    expect(public.get_by_text(EPISODE.caption)).to_be_visible()
    public.screenshot(path=ARTIFACTS / "editor-published-episode.png", full_page=True)
    assert watch.problems() == []
    assert admin_watch.third_party_except(ADMIN_THIRD_PARTIES) == []
    assert admin_watch.csp_violations == []
