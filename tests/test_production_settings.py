import json
import runpy
import secrets

import pytest

from tests.subprocess_django import run_django, run_manage

SECRET_KEY = secrets.token_urlsafe(50)
PRODUCTION_ENV = {
    "SECRET_KEY": SECRET_KEY,
    "ALLOWED_HOSTS": "testserver",
    "SECURE_SSL_REDIRECT": "false",
}


def test_production_refuses_to_start_without_secret_key():
    result = run_manage("check", ALLOWED_HOSTS="example.org")

    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
    assert "Traceback" not in result.stderr


def test_production_refuses_debug():
    result = run_manage("check", SECRET_KEY=SECRET_KEY, DEBUG="true")

    assert result.returncode != 0
    assert "DEBUG" in result.stderr


def deploy_check(**env):
    return run_manage("check", "--deploy", "--fail-level", "WARNING", SECRET_KEY=SECRET_KEY, **env)


def test_production_passes_the_deploy_check():
    result = deploy_check(ALLOWED_HOSTS="a.org", SITE_URL="https://a.org")

    assert result.returncode == 0, result.stdout + result.stderr


def test_the_deploy_check_asks_for_the_public_address():
    result = deploy_check(ALLOWED_HOSTS="a.org")

    assert result.returncode != 0
    assert "citymakers.W001" in result.stderr and "SITE_URL is not set" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_deploy_check_refuses_a_malformed_public_address():
    result = deploy_check(ALLOWED_HOSTS="a.org", SITE_URL="https://a.org/path")

    assert result.returncode != 0
    assert "citymakers.E001" in result.stderr and "bare origin" in result.stderr


def test_static_files_are_served_with_hashed_immutable_names(tmp_path):
    env = {**PRODUCTION_ENV, "STATIC_ROOT": str(tmp_path)}
    collected = run_manage("collectstatic", "--noinput", "-v0", **env)
    assert collected.returncode == 0, collected.stderr

    result = run_django(
        """
        import json
        from django.templatetags.static import static
        from django.test import Client
        url = static("css/site.css")
        response = Client().get(url, HTTP_ACCEPT_ENCODING="gzip")
        print(json.dumps({"url": url, "status": response.status_code,
                          "cache": response.get("Cache-Control", ""),
                          "encoding": response.get("Content-Encoding", "")}))
        """,
        **env,
    )

    served = json.loads(result.stdout.strip().splitlines()[-1])
    assert served["url"].startswith("/static/css/site.") and served["url"] != "/static/css/site.css"
    assert served["status"] == 200
    assert "immutable" in served["cache"]
    assert served["encoding"] == "gzip"


@pytest.mark.parametrize(("configured", "kept_open"), [(None, 60), ("0", 0), ("300", 300)])
def test_production_keeps_database_connections_open_and_checks_them(
    monkeypatch, configured, kept_open
):
    monkeypatch.setenv("SECRET_KEY", SECRET_KEY)
    monkeypatch.delenv("DEBUG", raising=False)
    if configured is None:
        monkeypatch.delenv("CONN_MAX_AGE", raising=False)
    else:
        monkeypatch.setenv("CONN_MAX_AGE", configured)

    database = runpy.run_module("citymakers.settings.production")["DATABASES"]["default"]

    assert database["CONN_MAX_AGE"] == kept_open
    assert database["CONN_HEALTH_CHECKS"] is True
