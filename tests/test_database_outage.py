"""When the database stops, readers get a 503 page in their language with Retry-After, pages
already in the page cache (Redis) keep being served, /healthz answers 503; when it is back the
site answers again without a restart.

The site runs under gunicorn against a PostgreSQL server and a Redis of the test's own
(tests/own_services.py): the migrations give it a home page in every language."""

import http.client
import os
import signal
import subprocess
import sys

import pytest
from django.db.utils import OperationalError

from tests.own_services import OwnPostgres, OwnRedis, free_port, port_open, wait_until
from tests.subprocess_django import PROJECT_DIR

BRIEFLY_UNAVAILABLE_IN_GREEK = "Προσωρινά μη διαθέσιμο"


def fetch(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=15)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read().decode()
    finally:
        connection.close()


@pytest.fixture(scope="module")
def site():
    postgres, redis = OwnPostgres().initdb().start(), OwnRedis().start()
    environment = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))},
        "DJANGO_SETTINGS_MODULE": "tests.outage_settings",
        "DATABASE_URL": postgres.url(),
        "REDIS_URL": redis.url,
    }
    migrate = [sys.executable, "manage.py", "migrate", "--noinput", "-v0"]
    subprocess.run(migrate, cwd=PROJECT_DIR, env=environment, check=True, timeout=120)
    port, log = free_port(), postgres.folder / "site.log"
    with open(log, "w") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "citymakers.wsgi:application"]
            + ["--bind", f"127.0.0.1:{port}", "--workers", "1", "--timeout", "30"],
            cwd=PROJECT_DIR,
            env=environment,
            stderr=output,
        )
    try:
        wait_until(lambda: server.poll() is None and port_open(port), what="gunicorn")
        yield {"port": port, "postgres": postgres, "log": log}
    finally:
        server.send_signal(signal.SIGQUIT)  # gunicorn's quick shutdown
        server.wait(timeout=10)
        postgres.remove()
        redis.stop()


def test_readers_get_a_503_in_their_language_and_cached_pages_while_the_database_is_down(site):
    port, postgres = site["port"], site["postgres"]
    assert fetch(port, "/fr/")[0] == 200
    assert fetch(port, "/fr/")[1].get("X-Page-Cache") == "hit"

    postgres.stop()
    cached = fetch(port, "/fr/")
    status, headers, body = fetch(port, "/el/")
    health = fetch(port, "/healthz")
    api = fetch(port, "/api/v2/pages/")

    assert cached[0] == 200 and cached[1]["X-Page-Cache"] == "hit"
    assert status == 503 and int(headers["Retry-After"]) > 0
    assert '<html lang="el">' in body and BRIEFLY_UNAVAILABLE_IN_GREEK in body
    assert headers["X-Request-ID"] in body
    assert f"[request {headers['X-Request-ID']}]" in site["log"].read_text()  # logged with its id
    assert "Traceback" not in body
    assert health[0] == 503
    assert '"status": "unavailable"' in health[2] and '"cache": "ok"' in health[2]
    assert api[0] == 503 and api[1]["Content-Type"] == "application/json"

    postgres.start()
    assert fetch(port, "/el/")[0] == 200
    assert fetch(port, "/healthz")[0] == 200


@pytest.mark.django_db
def test_without_the_schedule_a_response_is_kept_only_briefly(client, monkeypatch):
    """When the next episode change cannot be read, copies may live a minute, not an hour."""

    def unreachable(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr("citymakers.cache_lifetimes._broadcasts_not_over", unreachable)
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert "max-age=60" in response["Cache-Control"]
