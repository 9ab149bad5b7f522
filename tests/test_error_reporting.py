"""A server error is told to someone: it is logged with the request's id, the error page shows
that id, and when SENTRY_DSN is set the error goes to the tracker tagged with the same id.
The tracker here is a stand-in Sentry server on this machine; nothing leaves it."""

import gzip
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.subprocess_django import run_django

pytestmark = pytest.mark.django_db


class FakeSentry(BaseHTTPRequestHandler):
    """Keeps the events of every envelope posted to it."""

    events = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        if self.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        lines = body.decode().splitlines()
        for header, payload in zip(lines[1::2], lines[2::2], strict=False):
            if json.loads(header).get("type") == "event":
                self.events.append(json.loads(payload))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def fake_sentry():
    FakeSentry.events = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeSentry)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://public@127.0.0.1:{server.server_address[1]}/7", FakeSentry.events
    server.shutdown()
    server.server_close()


FAILING_REQUEST = """
    from unittest import mock
    import sentry_sdk
    from django.test import Client

    def broken(*args, **kwargs):
        raise RuntimeError("simulated failure")

    with mock.patch("citymakers.views.reverse", broken):
        response = Client(raise_request_exception=False).get(
            "/robots.txt", headers={"x-request-id": "probe-5f2c-4e1a"}
        )
    sentry_sdk.flush(timeout=10)
    print(response.status_code, response["X-Request-ID"], "probe-5f2c-4e1a" in response.text)
"""


def test_a_server_error_is_logged_shown_and_sent_to_sentry_with_its_request_id(fake_sentry):
    dsn, events = fake_sentry
    result = run_django(FAILING_REQUEST, settings_module="citymakers.settings.test", SENTRY_DSN=dsn)

    assert result.stdout.split() == ["500", "probe-5f2c-4e1a", "True"], result.stderr
    assert "[request probe-5f2c-4e1a] Internal Server Error: /robots.txt" in result.stderr
    assert "RuntimeError: simulated failure" in result.stderr
    [event] = events
    assert event["tags"]["request_id"] == "probe-5f2c-4e1a"
    assert event["exception"]["values"][-1]["value"] == "simulated failure"


def test_without_sentry_dsn_nothing_is_sent(fake_sentry):
    _dsn, events = fake_sentry
    result = run_django(FAILING_REQUEST, settings_module="citymakers.settings.test")

    assert result.stdout.split()[0] == "500", result.stderr
    assert events == []


def test_a_sane_incoming_request_id_is_kept_and_anything_else_replaced(client):
    kept = client.get("/robots.txt", headers={"x-request-id": "edge-7d3f9a21"})
    replaced = client.get("/robots.txt", headers={"x-request-id": "<script>alert(1)</script>"})
    fresh = client.get("/robots.txt")

    assert kept["X-Request-ID"] == "edge-7d3f9a21"
    assert len(replaced["X-Request-ID"]) == 32 and "<" not in replaced["X-Request-ID"]
    assert fresh["X-Request-ID"] not in (replaced["X-Request-ID"], "")
