"""Scores one HTTPS response the way the Mozilla HTTP Observatory does, for the tests it judges
from headers alone: CSP, cookies, Referrer-Policy, HSTS, X-Content-Type-Options,
X-Frame-Options and Cross-Origin-Resource-Policy (mdn/mdn-http-observatory,
src/analyzer/tests/*.js and the modifiers of src/grader/charts.js). Redirection, CORS and
subresource integrity need more than one response's headers and are left out; they score 0
for a site that redirects to HTTPS on the same host, sends no CORS headers and loads
scripts only from itself.

The score starts at 100 and adds every test's modifier, bonuses included only when the
penalties alone leave at least 90; 100 or more is an A+.
"""

from dataclasses import dataclass, field

BROAD = {"ftp:", "http:", "https:", "*", "http://*", "http://*.*", "https://*", "https://*.*"}
UNSAFE_INLINE = {"'unsafe-inline'", "data:"}
NONCE_OR_HASH = ("'sha256-", "'sha384-", "'sha512-", "'nonce-")
SIX_MONTHS = 15_552_000
EXTRA_CREDIT_FROM = 90


@dataclass
class Grade:
    results: dict = field(default_factory=dict)  # test name -> (expectation, modifier)

    def add(self, test, expectation, modifier):
        self.results[test] = (expectation, modifier)

    @property
    def score(self):
        modifiers = [modifier for _expectation, modifier in self.results.values()]
        penalties = 100 + sum(modifier for modifier in modifiers if modifier < 0)
        return 100 + sum(modifiers) if penalties >= EXTRA_CREDIT_FROM else penalties


def parse_csp(header):
    """{directive: set of sources}; a repeated directive makes the policy invalid (ValueError)."""
    policy = {}
    for entry in header.split(";"):
        directive, *sources = entry.strip().split()
        directive = directive.lower()
        if directive in policy:
            raise ValueError(f"duplicate directive {directive}")
        sources = {source.lower() for source in sources}
        policy[directive] = sources or ({"'none'"} if directive.endswith("-src") else set())
    return policy


def _csp_sources(policy):
    default = policy.get("default-src")
    script = set(policy.get("script-src") or default or {"*"})
    style = set(policy.get("style-src") or default or {"*"})
    objects = policy.get("object-src") or default or {"*"}
    for sources in (script, style):
        if any(source.startswith(NONCE_OR_HASH) for source in sources):
            sources.discard("'unsafe-inline'")
    passive = {
        source for name in ("img-src", "media-src") for source in policy.get(name) or default or ()
    }
    active = {
        source
        for name, sources in policy.items()
        if name not in {"img-src", "media-src", "script-src"}
        for source in sources
    } | script
    return script, style, objects, active, passive


def csp_result(policy):
    script, style, objects, active, passive = _csp_sources(policy)
    if script & (BROAD | UNSAFE_INLINE) or objects & BROAD:
        return "csp-implemented-with-unsafe-inline", -20
    if any(source.startswith(("http:", "ftp:")) for source in active):
        return "csp-implemented-with-insecure-scheme", -20
    if "'unsafe-eval'" in script | style:
        return "csp-implemented-with-unsafe-eval", -10
    if any(source.startswith(("http:", "ftp:")) for source in passive):
        return "csp-implemented-with-insecure-scheme-in-passive-content-only", -10
    if style & (BROAD | UNSAFE_INLINE):
        return "csp-implemented-with-unsafe-inline-in-style-src-only", 0
    if policy.get("default-src") == {"'none'"}:
        return "csp-implemented-with-no-unsafe-default-src-none", 10
    return "csp-implemented-with-no-unsafe", 5


def grade_csp(headers):
    header = headers.get("Content-Security-Policy")
    if not header:
        return None, ("csp-not-implemented", -25)
    try:
        policy = parse_csp(header)
    except ValueError:
        return None, ("csp-header-invalid", -25)
    return policy, csp_result(policy)


COOKIE_PENALTIES = {  # from least to most severe, as the Observatory ranks them
    "cookies-without-secure-flag-but-protected-by-hsts": -5,
    "cookies-without-secure-flag": -20,
    "cookies-session-without-secure-flag-but-protected-by-hsts": -10,
    "cookies-samesite-flag-invalid": -20,
    "cookies-anticsrf-without-samesite-flag": -20,
    "cookies-session-without-httponly-flag": -30,
    "cookies-session-without-secure-flag": -40,
}


def _cookie_problems(cookie, hsts):
    name, samesite = cookie["name"].lower(), cookie["samesite"].lower()
    session = "login" in name or "sess" in name
    if samesite and samesite not in {"lax", "strict", "none"}:
        yield "cookies-samesite-flag-invalid"
    if not cookie["secure"]:
        if samesite == "none":
            yield "cookies-samesite-flag-invalid"
        yield "cookies-without-secure-flag" + ("-but-protected-by-hsts" if hsts else "")
        if session:
            yield "cookies-session-without-secure-flag" + ("-but-protected-by-hsts" if hsts else "")
    if "csrf" in name and not samesite:
        yield "cookies-anticsrf-without-samesite-flag"
    if session and not cookie["httponly"]:
        yield "cookies-session-without-httponly-flag"


def grade_cookies(cookies, hsts):
    if not cookies:
        return "cookies-not-found", 0
    ranking = list(COOKIE_PENALTIES)
    problems = [problem for cookie in cookies for problem in _cookie_problems(cookie, hsts)]
    if problems:
        worst = max(problems, key=ranking.index)
        return worst, COOKIE_PENALTIES[worst]
    if all(cookie["samesite"] for cookie in cookies):
        return "cookies-secure-with-httponly-sessions-and-samesite", 5
    return "cookies-secure-with-httponly-sessions", 0


def grade_referrer(headers):
    good = {"no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"}
    bad = {"origin", "origin-when-cross-origin", "unsafe-url", "no-referrer-when-downgrade"}
    header = headers.get("Referrer-Policy")
    if not header:
        return "referrer-policy-not-implemented", 0
    values = [value.strip().lower() for value in header.split(",")]
    policy = ([value for value in values if value in good | bad] or [""])[-1]
    if policy in good:
        return "referrer-policy-private", 5
    return ("referrer-policy-unsafe" if policy in bad else "referrer-policy-header-invalid"), -5


def grade_hsts(headers):
    header = headers.get("Strict-Transport-Security")
    if not header:
        return "hsts-not-implemented", -20
    parameters = [part.strip().lower() for part in header.split(";")]
    ages = [part.removeprefix("max-age=") for part in parameters if part.startswith("max-age=")]
    if "," in header or not ages or not ages[0].isdigit():
        return "hsts-header-invalid", -20
    if int(ages[0]) < SIX_MONTHS:
        return "hsts-implemented-max-age-less-than-six-months", -10
    return "hsts-implemented-max-age-at-least-six-months", 0


def grade_content_type_options(headers):
    header = headers.get("X-Content-Type-Options")
    if not header:
        return "x-content-type-options-not-implemented", -5
    if header.strip().lower() == "nosniff":
        return "x-content-type-options-nosniff", 0
    return "x-content-type-options-header-invalid", -5


def grade_frame_options(headers, policy):
    if policy and "frame-ancestors" in policy:
        return "x-frame-options-implemented-via-csp", 5
    header = (headers.get("X-Frame-Options") or "").strip().lower()
    if header in {"deny", "sameorigin"}:
        return "x-frame-options-sameorigin-or-deny", 0
    if header.startswith("allow-from"):
        return "x-frame-options-allow-from-origin", 0
    return (
        "x-frame-options-not-implemented" if not header else "x-frame-options-header-invalid",
        -20,
    )


def grade_resource_policy(headers):
    header = (headers.get("Cross-Origin-Resource-Policy") or "").strip().lower()
    results = {
        "": ("cross-origin-resource-policy-not-implemented", 0),
        "same-origin": ("cross-origin-resource-policy-implemented-with-same-origin", 10),
        "same-site": ("cross-origin-resource-policy-implemented-with-same-site", 10),
        "cross-origin": ("cross-origin-resource-policy-implemented-with-cross-origin", 0),
    }
    return results.get(header, ("cross-origin-resource-policy-header-invalid", -5))


def grade(headers, cookies=()):
    """headers: a case-insensitive mapping of one HTTPS response's headers; cookies: dicts
    with name, secure, httponly and samesite ('' when absent) for every cookie it set."""
    result = Grade()
    policy, csp = grade_csp(headers)
    result.add("content-security-policy", *csp)
    hsts = grade_hsts(headers)
    result.add("strict-transport-security", *hsts)
    result.add("cookies", *grade_cookies(list(cookies), hsts[1] >= 0))
    result.add("referrer-policy", *grade_referrer(headers))
    result.add("x-content-type-options", *grade_content_type_options(headers))
    result.add("x-frame-options", *grade_frame_options(headers, policy))
    result.add("cross-origin-resource-policy", *grade_resource_policy(headers))
    return result


def grade_django_response(response):
    """grade() for a response of Django's test client."""
    cookies = [
        {
            "name": name,
            "secure": bool(morsel["secure"]),
            "httponly": bool(morsel["httponly"]),
            "samesite": morsel["samesite"] or "",
        }
        for name, morsel in response.cookies.items()
    ]
    return grade(response.headers, cookies)
