"""Fixtures for the browser tests: the tools, one real server with the demo content, one
Chromium, and fresh browser contexts (each with a `Watch`) for every journey.

Without Chromium, Java or Node the whole folder is skipped with one line, except in CI
(the CI environment variable set), where that is an error. Everything is package-scoped and
closed before the rest of the test suite runs.
"""

import pytest
from playwright.sync_api import expect, sync_playwright

from tests.browser.browsing import (
    ARTIFACTS,
    CHROMIUM,
    CHROMIUM_ARGS,
    Watch,
    in_ci,
    install_node_tools,
    missing_tool,
)
from tests.browser.site_server import SiteServer

# Assertions wait as long as actions do: on a busy 2-core CI machine an image upload or a
# preview render can take longer than Playwright's 5 s default.
expect.set_options(timeout=15_000)

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 800}}
VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}


def _skip_reason():
    missing = missing_tool()
    return f"browser tests skipped: {missing}" if missing and not in_ci() else ""


def pytest_collection_modifyitems(config, items):
    reason = _skip_reason()
    browser_items = [item for item in items if "browser" in item.keywords]
    if reason and browser_items:
        reporter = config.pluginmanager.get_plugin("terminalreporter")
        if reporter:
            reporter.write_line(reason)
        for item in browser_items:
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="package", autouse=True)
def tools():
    missing = missing_tool()
    if missing:
        pytest.fail(f"The browser tests must run in CI, but {missing}.")
    install_node_tools()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)


@pytest.fixture(scope="package")
def site(tmp_path_factory, tools):
    server = SiteServer(tmp_path_factory.mktemp("browser-site"))
    server.build()
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="package")
def browser(tools):
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def open_context(browser, site):
    """open_context(viewport="desktop") -> (context, watch); closed after the test."""
    contexts = []

    def open_one(viewport="desktop", **options):
        context = browser.new_context(base_url=site.url, **VIEWPORTS[viewport], **options)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context, Watch(context)

    yield open_one
    for context in contexts:
        context.close()


@pytest.fixture(scope="package")
def journeys():
    """What one journey leaves for another (the editor's episode for the translator)."""
    return {}
