"""What every browser test shares: Debian's Chromium and its flags, the outside tools (axe-core
and the Nu HTML Checker from npm, Java), a watch over what a page does on the network and in
its console, and keyboard helpers that check the focus stays visible."""

import json
import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Page

from tests.browser.site_server import HOST, PROJECT_DIR

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
NODE_MODULES = PROJECT_DIR / "node_modules"
AXE_SCRIPT = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
ARTIFACTS = PROJECT_DIR / "test-artifacts" / "browser"
STAND_IN = "<!DOCTYPE html><html lang='en'><title>Third party (blocked)</title></html>"
# Every frame reports what its Content-Security-Policy refused, so a violation fails a test even
# where Chromium's console message about it is not watched (the admin's pages, iframes).
CSP_VIOLATION_LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => {
  const where = event.sourceFile ? ` at ${event.sourceFile}:${event.lineNumber}` : "";
  window.reportCspViolation(
    `${event.effectiveDirective} refused ${event.blockedURI || "inline code"} `
    + `on ${event.documentURI}${where}: ${event.sample}`
  );
}, true);
"""


def missing_tool():
    """What this machine lacks to run the browser tests, or '' when nothing is missing."""
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (apt-get install chromium)"
    for command in ("java", "node", "npm"):
        if shutil.which(command) is None:
            return f"{command} is missing"
    return ""


def in_ci():
    return os.environ.get("CI", "").strip().lower() not in {"", "0", "false", "no"}


def install_node_tools():
    """`npm ci` once, unless node_modules already holds the locked versions."""
    lock = json.loads((PROJECT_DIR / "package-lock.json").read_text())["packages"]
    wanted = {path: entry["version"] for path, entry in lock.items() if path}
    if all(_installed_version(path) == version for path, version in wanted.items()):
        return
    subprocess.run(
        ["npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"],
        cwd=PROJECT_DIR,
        check=True,
        capture_output=True,
        timeout=300,
    )


def _installed_version(path):
    manifest = PROJECT_DIR / path / "package.json"
    return json.loads(manifest.read_text()).get("version") if manifest.exists() else None


def is_third_party(url):
    parts = urlsplit(url)
    return parts.scheme in {"http", "https", "ws", "wss"} and parts.hostname != HOST


class Watch:
    """Records, for one browser context, every request to another host (answered by a blocked
    stand-in, never the network), console errors, uncaught errors, failed requests and
    Content-Security-Policy violations."""

    def __init__(self, context):
        self.third_party, self.console_errors, self.failures = [], [], []
        self.csp_violations = []
        self.expected_statuses = {}
        context.expose_function("reportCspViolation", self._csp_violation)
        context.add_init_script(CSP_VIOLATION_LISTENER)
        context.route(is_third_party, self._stand_in)
        context.on("page", self._watch_page)
        context.on("requestfailed", self._request_failed)
        context.on("response", self._response)

    def expect_status(self, url, status):
        """The next response from `url` is meant to have this status (e.g. a 404 page)."""
        self.expected_statuses[url] = status

    def _csp_violation(self, report):
        self.csp_violations.append(report)

    def _stand_in(self, route):
        self.third_party.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body=STAND_IN)

    def _watch_page(self, page):
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.console_errors.append(f"uncaught: {error}"))

    def _console(self, message):
        location = message.location.get("url", "")
        if message.type == "error" and not self._expected(location):
            self.console_errors.append(f"{message.text} ({location})")

    def _request_failed(self, request):
        if not is_third_party(request.url) and not _cancelled(request):
            self.failures.append(f"{request.method} {request.url}: {request.failure}")

    def _response(self, response):
        if response.status >= 400 and self.expected_statuses.get(response.url) != response.status:
            self.failures.append(f"{response.status} {response.request.method} {response.url}")

    def _expected(self, url):
        return url in self.expected_statuses

    def third_party_except(self, allowed=()):
        return [url for url in self.third_party if not url.startswith(allowed)]

    def problems(self, third_party_allowed=()):
        return (
            [
                f"request to a third party: {url}"
                for url in self.third_party_except(third_party_allowed)
            ]
            + [f"console error: {text}" for text in self.console_errors]
            + [f"CSP violation: {text}" for text in self.csp_violations]
            + [f"failed request: {text}" for text in self.failures]
        )


def _cancelled(request):
    """Chromium reports as aborted a request the page gave up on because it navigated away
    (e.g. the admin's icon sprite still loading when Save is clicked) and a navigation that
    became a download: neither failed. Refused, unreachable or erroring requests say so."""
    return request.failure == "net::ERR_ABORTED"


def run_axe(page: Page):
    """axe-core's WCAG 2.2 A/AA violations on the current page, one readable line each."""
    # Evaluated through the DevTools protocol: a <script> tag would be refused by the page's CSP.
    page.evaluate(AXE_SCRIPT.read_text() + "\n;undefined")
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, "
        "resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at "
        + "; ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        for violation in result["violations"]
    ]


FOCUS_CHECK = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return 'nothing has focus';
  const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
    + ' "' + (el.innerText || el.title || el.getAttribute('aria-label') || '').trim() + '"';
  if (!el.matches(':focus-visible')) return name + ' is focused without :focus-visible';
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  if (!outline && style.boxShadow === 'none') return name + ' has no visible focus indicator';
  const box = el.getBoundingClientRect();
  if (box.width === 0 || box.height === 0) return name + ' is focused but not displayed';
  if (box.bottom < 0 || box.top > innerHeight) return name + ' is focused off screen';
  return '';
}"""


def assert_focus_visible(page: Page):
    problem = page.evaluate(FOCUS_CHECK)
    assert not problem, f"{page.url}: {problem}"


def tab_to(page: Page, target, backwards=False, limit=80):
    """Press Tab (Shift+Tab backwards) until `target` has focus, checking every stop. Past
    the last link focus leaves the page (to the browser's own controls) once."""
    key = "Shift+Tab" if backwards else "Tab"
    wrapped = False
    for _ in range(limit):
        page.keyboard.press(key)
        if not wrapped and page.evaluate("() => document.activeElement === document.body"):
            wrapped = True
            continue
        assert_focus_visible(page)
        if target.evaluate("el => el === document.activeElement"):
            return
    raise AssertionError(f"{target} not reached with {limit} presses of {key} on {page.url}")


def press_enter_on(page: Page, target, backwards=False):
    tab_to(page, target, backwards=backwards)
    page.keyboard.press("Enter")
