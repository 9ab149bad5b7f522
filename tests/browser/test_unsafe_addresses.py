"""A script address that reached the database never runs: an admin (the attack's target)
opens the poisoned Polish page, every address on it is checked and every link without an
address and every button is pressed, and no script has run."""

import pytest
from playwright.sync_api import expect

from tests.browser.admin import log_in
from tests.browser.site_server import ADMIN, POISONED_PAGE

pytestmark = pytest.mark.browser
# webcal: is the site's own calendar subscription (the footer and series pages offer it).
SAFE_PROTOCOLS = ["http:", "https:", "mailto:", "tel:", "webcal:"]
MARKER = """
window.__pwned = undefined;
window.__dialogs = [];
for (const name of ["alert", "confirm", "prompt"]) {
  window[name] = (...args) => { window.__dialogs.push(args.join(" ")); };
}
"""
ADDRESSES = """
[...document.querySelectorAll("[href], [src], [action], [formaction], [data-player-url]")]
  .flatMap(el => ["href", "src", "action", "formAction"].map(n => el[n]).concat(
    el.dataset.playerUrl ? [new URL(el.dataset.playerUrl, location.href).href] : []))
  .filter(value => typeof value === "string" && value !== "")
  .map(value => new URL(value, location.href).protocol)
"""


def test_admin_opening_a_poisoned_translation_runs_no_script(open_context, site):
    context, _watch = open_context("desktop")
    page = context.new_page()
    log_in(page, ADMIN, site.passwords[ADMIN])
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.add_init_script(MARKER)

    page.goto(POISONED_PAGE)

    rich_text = page.locator(".rich-text a", has_text="więcej")
    expect(rich_text).to_have_count(1)  # the planted link is there, as text
    assert rich_text.get_attribute("href") is None
    assert set(page.evaluate(ADDRESSES)) <= set(SAFE_PROTOCOLS)
    targets = page.query_selector_all("main a:not([href]), main button")
    assert len(targets) >= 2  # the two neutralised links at least
    for target in targets:
        if target.evaluate("element => element.isConnected") and target.is_visible():
            target.click()  # a play button replaces itself with the player
            page.wait_for_timeout(100)
            assert page.url.endswith(POISONED_PAGE)
    assert page.evaluate("window.__pwned") is None
    assert page.evaluate("window.__dialogs") == []
    assert dialogs == []
