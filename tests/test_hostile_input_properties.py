"""Property-based probes of the public URL space, query strings, headers and API parameters:
whatever a client sends, the answer is never a 5xx, the API answers JSON, and a `<script>`
marker in the input never comes back raw. Examples are bounded and derandomised (the same
examples on every run) over one demo database built for the module."""

import json
from urllib.parse import quote, urlencode

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "nl", "fr", "el", "pl", "es"]
MARKER = "<script>hostile()</script>"
KNOWN_PATHS = [
    "",
    "search/",
    "about/",
    "organisations/",
    "organisations/dutchculture/",
    "infected-cities/",
    "infected-cities/feed/rss/",
    "infected-cities/feed/atom/",
    "infected-cities/calendar.ics",
    "infected-cities/paris/",
    "infected-cities/athens/calendar.ics",
]
HOSTS = ["localhost", "testserver", "citymakers.example.org", "127.0.0.1:8000"]
API_PARAMETERS = [
    "offset",
    "limit",
    "locale",
    "search",
    "search_operator",
    "site",
    "type",
    "fields",
    "order",
    "child_of",
    "descendant_of",
    "translation_of",
    "html_path",
    "format",
]

PROBE = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

# Text as hostile clients send it: any code point (controls and NUL included), numbers far
# beyond 64 bits, the marker, and strings that grow under Unicode normalisation.
hostile_text = st.one_of(
    st.text(max_size=60),
    st.tuples(st.text(max_size=5), st.text("\x00\x01\x08\x1b\x7f\x85", min_size=1)).map("".join),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.just(MARKER),
    st.text(max_size=10).map(lambda text: text + MARKER),
    st.integers(min_value=1, max_value=300).map(lambda n: "\ufdfa" * n),
    st.sampled_from(["and", "or", "xor", "en", "el", "livecasts.EpisodePage", "-title", "*"]),
)
segment = st.one_of(st.sampled_from(["..", ".", "%", "calendar.ics", "feed"]), hostile_text)
public_path = st.one_of(
    st.tuples(st.sampled_from(LANGUAGES), st.sampled_from(KNOWN_PATHS)).map(
        lambda parts: f"/{parts[0]}/{parts[1]}"
    ),
    st.tuples(st.sampled_from([*LANGUAGES, "xx", ""]), st.lists(segment, max_size=3)).map(
        lambda parts: "/" + "/".join([parts[0], *(quote(s, safe="") for s in parts[1]), ""])
    ),
)
public_query = st.dictionaries(
    st.sampled_from(["q", "page", "utm_source", "utm_medium", "utm_campaign"]), hostile_text
)
# A header arrives as bytes, which WSGI hands over decoded as ISO-8859-1.
header_text = hostile_text.map(lambda text: text.encode("utf-8", "surrogatepass").decode("latin-1"))
headers = st.fixed_dictionaries(
    {"host": st.sampled_from(HOSTS)},
    optional={
        "accept-language": header_text,
        "cookie": header_text,
        "if-none-match": header_text,
        "accept": st.sampled_from(["text/html", "application/json", "*/*", "text/*;q=0.1"]),
    },
)


def get(path, query=None, headers=None):
    browser = Client(raise_request_exception=False)
    url = path + ("?" + urlencode(query) if query else "")
    return browser.get(url, headers=headers or {})


def assert_answered(response):
    assert response.status_code < 500, response.content[:300]
    assert MARKER.encode() not in response.content


@PROBE
@given(language=st.sampled_from(LANGUAGES), q=hostile_text, page=st.none() | hostile_text)
def test_search_queries(demo, language, q, page):
    query = {"q": q} if page is None else {"q": q, "page": page}
    assert_answered(get(f"/{language}/search/", query))


@PROBE
@given(path=public_path, query=public_query)
def test_public_paths_and_query_strings(demo, path, query):
    assert_answered(get(path, query))


@PROBE
@given(path=st.sampled_from(["/", "/el/", "/fr/search/", "/en/infected-cities/"]), sent=headers)
def test_headers(demo, path, sent):
    assert_answered(get(path, {"q": "paris"}, sent))


@settings(PROBE, max_examples=80)
@given(
    endpoint=st.sampled_from(["pages/", "images/", "pages/find/", "pages/1/", "nothing/"]),
    name=st.sampled_from(API_PARAMETERS),
    value=hostile_text,
    search=st.booleans(),
)
def test_api_parameters(demo, endpoint, name, value, search):
    query = {name: value, "search": "paris"} if search and name != "search" else {name: value}
    response = get(f"/api/v2/{endpoint}", query)

    assert_answered(response)
    if response.status_code != 302:  # find/ redirects to the page it found
        assert response["Content-Type"] == "application/json"
        json.loads(response.content)
