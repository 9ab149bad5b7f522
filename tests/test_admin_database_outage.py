"""An editor whose database stops answering gets an admin answer they can act on: a 503 page in
their language (JSON for Wagtail's autosave), never the public 500 page; the editor's script
can ask /admin/database-check/ before it sends a form."""

import re
from contextlib import contextmanager

import pytest
from django.db import OperationalError, connection
from django.test import Client

from home.models import StandardPage
from tests.factories import home_page
from tests.subprocess_django import run_django

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-editor-password"
UNREACHABLE = "postgresql://nobody@127.0.0.1:9/nowhere?connect_timeout=2"


@contextmanager
def database_down():
    """Every query fails the way psycopg fails when the server has gone."""

    def refuse(execute, sql, params, many, context):
        raise OperationalError("connection to server at 127.0.0.1 failed: Connection refused")

    with connection.execute_wrapper(refuse):
        yield


@pytest.fixture
def page():
    return home_page().add_child(instance=StandardPage(title="About the series", slug="about"))


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", PASSWORD)


def signed_in(editor, language_cookie=None, **headers):
    client = Client(enforce_csrf_checks=True, headers=headers)
    if language_cookie:
        client.cookies["django_language"] = language_cookie
    form = client.get("/admin/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text)[1]
    client.post(
        "/admin/login/",
        {"username": editor.username, "password": PASSWORD, "csrfmiddlewaretoken": token},
    )
    return client


def edit_form(client, page):
    """The edit page as the editor has it open, and what its Save draft button would send."""
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.text)[1]
    return response, {"csrfmiddlewaretoken": token, "title": "About the series, revised"}


def test_saving_while_the_database_is_down_answers_an_admin_page_not_the_public_500(editor, page):
    client = signed_in(editor)
    _editor_page, data = edit_form(client, page)

    with database_down():
        response = client.post(f"/admin/pages/{page.pk}/edit/", data)

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    assert "The database is not answering" in response.text
    assert "your last changes have not been saved" in response.text
    assert "wagtailadmin/css/core.css" in response.text
    assert "Something went wrong" not in response.text  # the public 500 page
    assert "style-src 'self'" in response["Content-Security-Policy"]


def test_autosave_while_the_database_is_down_gets_json_wagtail_can_show(editor, page):
    client = signed_in(editor)
    _editor_page, data = edit_form(client, page)

    with database_down():
        response = client.post(
            f"/admin/pages/{page.pk}/edit/",
            data,
            headers={"accept": "application/json", "x-csrftoken": data["csrfmiddlewaretoken"]},
        )

    assert response.status_code == 503
    assert response.json() == {
        "success": False,
        "error_code": "database_unavailable",
        "error_message": "The database is not answering, so nothing was saved. Everything you "
        "typed is still in the editor: keep this page open and save again in a minute.",
    }


@pytest.mark.parametrize(
    ("headers", "title"),
    [
        ({"accept-language": "fr"}, "La base de données ne répond pas"),
        ({"accept-language": "el"}, "Η βάση δεδομένων δεν απαντά"),
        ({"language_cookie": "pl", "accept-language": "fr"}, "Baza danych nie odpowiada"),
    ],
)
def test_the_outage_page_speaks_the_editors_language(editor, page, headers, title):
    client = signed_in(editor, **headers)
    _editor_page, data = edit_form(client, page)

    with database_down():
        response = client.post(f"/admin/pages/{page.pk}/edit/", data)

    assert response.status_code == 503
    assert title in response.text


def test_the_page_editor_loads_the_database_check_with_a_translated_message(editor, page):
    client = signed_in(editor, language_cookie="nl")

    editor_page, _data = edit_form(client, page)

    script = re.search(r'<script src="[^"]*editor-database-check\.js"[^>]*>', editor_page.text)
    assert script, "the editor's database check is not on the edit page"
    assert 'data-check-url="/admin/database-check/"' in script[0]
    assert "De database antwoordt niet, dus er is niets opgeslagen." in script[0]


def test_the_database_check_answers_without_a_sign_in():
    response = Client().get("/admin/database-check/")

    assert response.status_code == 200
    assert response.json() == {"database": "ok"}
    assert "no-store" in response["Cache-Control"]


def test_the_database_check_answers_503_when_the_database_is_down(editor):
    client = signed_in(editor)

    with database_down():
        response = client.get("/admin/database-check/")

    assert response.status_code == 503
    assert response.json() == {"database": "unavailable"}


def test_the_database_check_only_answers_get():
    assert Client().post("/admin/database-check/").status_code == 405


def test_against_an_unreachable_postgresql_the_editor_gets_the_admin_503():
    """The real failure, from psycopg, for a browser that still holds a session cookie."""
    result = run_django(
        """
        from django.test import Client
        client = Client(headers={"cookie": "sessionid=" + "k" * 32, "accept-language": "es"})
        for response in (
            client.post("/admin/pages/3/edit/", {"title": "x"}),
            client.get("/admin/database-check/"),
        ):
            print(response.status_code, response.content.decode().replace("\\n", " "))
        """,
        settings_module="citymakers.settings.dev",
        DATABASE_URL=UNREACHABLE,
    )

    edit, check = result.stdout.strip().splitlines()
    assert edit.startswith("503 "), result.stderr
    assert "La base de datos no responde" in edit
    assert check == '503 {"database": "unavailable"}', result.stderr
