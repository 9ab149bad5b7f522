"""An editor saving while the database is down loses nothing.

The site is served from a PostgreSQL server of this test's own (tests/own_services.py),
which the test stops while the editor is typing rich text and starts again: the failed save
keeps everything in the editor with a clear message, and the next save after the database is
back stores it.
"""

import re
import secrets
import subprocess
import sys
from dataclasses import dataclass

import pytest
from playwright.sync_api import expect

from tests.browser.admin import ADMIN_THIRD_PARTIES, log_in
from tests.browser.browsing import Watch
from tests.browser.site_server import PROJECT_DIR, SiteServer
from tests.own_services import OwnPostgres, postgres_installed

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not postgres_installed(), reason="PostgreSQL 15's server is not installed"),
]

EDITOR = "editor"
TYPED_BEFORE = " Typed while the database answered."
TYPED_DURING = " Typed while the database was down, and kept."
MESSAGE = "The database is not answering, so nothing was saved."
# Wagtail takes the form as it stands two seconds after loading as the unchanged one: anything
# typed before then is no edit to it (no autosave, no warning). Its event says when it watches.
WATCHING_EDITS = (
    "document.addEventListener('w-unsaved:watch-edits', () => { window.watchingEdits = true; });"
)
BUILD = """
import django
django.setup()
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.rich_text import RichText
from home.models import HomePage, StandardPage

call_command("migrate", interactive=False, verbosity=0)
get_user_model().objects.create_superuser("{editor}", "editor@example.org", "{password}")
home = HomePage.objects.get(locale__language_code="en", depth=2)
page = home.add_child(instance=StandardPage(
    title="About the series", slug="about",
    body=[("paragraph", RichText("<p>Cities talk to each other.</p>"))],
))
page.save_revision().publish()
print(page.pk)
"""


@dataclass
class PostgresSite(SiteServer):
    database_url: str = ""

    def environment(self):
        return {**super().environment(), "DATABASE_URL": self.database_url}


@pytest.fixture(scope="module")
def site_on_own_postgres(tmp_path_factory):
    """Built once (migrations on PostgreSQL take most of the time); each test leaves the
    database running."""
    database = OwnPostgres().initdb().start()
    site = PostgresSite(tmp_path_factory.mktemp("outage-site"), database_url=database.url())
    try:
        password = secrets.token_urlsafe(16)
        built = subprocess.run(
            [sys.executable, "-c", BUILD.format(editor=EDITOR, password=password)],
            cwd=PROJECT_DIR,
            env=site.environment(),
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert built.returncode == 0, built.stderr
        site.passwords[EDITOR] = password
        site.page_id = int(built.stdout.split()[-1])
        site.start()
        yield site, database
    finally:
        site.stop()
        database.remove()


@pytest.fixture
def outage(site_on_own_postgres):
    site, database = site_on_own_postgres
    yield site, database
    if not database.is_ready():
        database.start()


def rich_text(page):
    return page.locator(".Draftail-Editor [contenteditable=true]").last


def test_a_save_while_the_database_is_down_keeps_the_rich_text_until_it_is_back(browser, outage):
    site, database = outage
    context = browser.new_context(base_url=site.url, viewport={"width": 1280, "height": 800})
    context.set_default_timeout(15_000)
    watch = Watch(context)
    edit_url = f"{site.url}/admin/pages/{site.page_id}/edit/"
    watch.expect_status(edit_url, 503)  # Wagtail's autosave, while the database is down
    watch.expect_status(f"{site.url}/admin/database-check/", 503)
    context.add_init_script(WATCHING_EDITS)
    page = context.new_page()
    log_in(page, EDITOR, site.passwords[EDITOR])
    page.goto(edit_url)
    page.wait_for_function("() => window.watchingEdits === true")
    editor = rich_text(page)
    editor.click()
    page.keyboard.press("Control+End")
    page.keyboard.type(TYPED_BEFORE)

    database.stop()
    page.keyboard.type(TYPED_DURING)

    # Wagtail's own autosave fails, pauses and keeps the editor open; the message says why.
    autosave = page.locator("#w-autosave-indicator")
    expect(autosave).to_have_attribute("data-w-autosave-state-value", "paused")
    messages = page.locator(".messages")
    expect(messages).to_contain_text(MESSAGE)
    # Save draft asks first and does not send the form.
    with page.expect_response(re.compile(r"/admin/database-check/$")) as check:
        page.get_by_role("button", name="Save draft").click()
    assert check.value.status == 503
    expect(messages).to_contain_text(MESSAGE)
    expect(page).to_have_url(edit_url)
    expect(editor).to_contain_text(TYPED_BEFORE.strip() + TYPED_DURING)
    expect(page.get_by_role("button", name="Save draft")).to_be_enabled()

    database.start()
    page.get_by_role("button", name="Save draft").click()

    expect(messages).to_contain_text("'About the series' has been updated")
    page.goto(edit_url)
    expect(rich_text(page)).to_contain_text(
        "Cities talk to each other." + TYPED_BEFORE + TYPED_DURING
    )
    # Wagtail's editing-session ping also got a 503 meanwhile, and said so in the console.
    problems = [
        problem
        for problem in watch.problems(third_party_allowed=ADMIN_THIRD_PARTIES)
        if "/admin/editing-sessions/ping/" not in problem and "Status: 503" not in problem
    ]
    assert problems == [], "\n".join(problems)
    context.close()


def test_opening_the_editor_while_the_database_is_down_shows_the_admin_outage_page(browser, outage):
    """Where no script can help (opening or reloading an admin page), the admin answers with
    its own page in the editor's browser language, with its stylesheet and no CSP complaint."""
    site, database = outage
    context = browser.new_context(base_url=site.url, locale="fr-FR")
    watch = Watch(context)
    page = context.new_page()
    edit_url = f"{site.url}/admin/pages/{site.page_id}/edit/"
    page.goto("/admin/login/")
    page.locator("#id_username").fill(EDITOR)
    page.locator("#id_password").fill(site.passwords[EDITOR])
    page.locator("form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))

    database.stop()
    watch.expect_status(edit_url, 503)
    response = page.goto(edit_url)

    assert response.status == 503
    expect(page.get_by_role("heading", level=1)).to_have_text("La base de données ne répond pas")
    assert page.evaluate("document.styleSheets[0].cssRules.length") > 100  # Wagtail's core.css
    assert watch.csp_violations == []
    context.close()
