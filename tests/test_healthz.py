import json

import pytest

from tests.subprocess_django import run_django


@pytest.mark.django_db
def test_healthz_is_never_cached(client):
    assert "no-cache" in client.get("/healthz")["Cache-Control"]


@pytest.mark.django_db
def test_healthz_answers_ok_when_the_database_answers(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}


def test_healthz_answers_503_when_the_database_is_unreachable():
    result = run_django(
        """
        from django.test import Client
        response = Client().get("/healthz")
        print(response.status_code, response.content.decode())
        """,
        settings_module="citymakers.settings.dev",
        DATABASE_URL="postgresql://nobody@127.0.0.1:9/nowhere?connect_timeout=2",
    )

    status, body = result.stdout.strip().split(" ", 1)
    assert status == "503", result.stderr
    assert json.loads(body) == {"status": "unavailable", "database": "unreachable", "cache": "ok"}
