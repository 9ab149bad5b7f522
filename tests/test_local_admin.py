"""`make run` prints a working local admin login, and only in development."""

import io
import re

import pytest
from django.core.management import CommandError, call_command
from django.http import HttpRequest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_printed_credentials_open_the_admin(client, settings):
    settings.DEBUG = True
    out = io.StringIO()

    call_command("ensure_local_admin", "--url", "http://127.0.0.1:8001", stdout=out)

    printed = out.getvalue()
    assert "http://127.0.0.1:8001/admin/" in printed
    username, password = re.search(r"username (\S+)\s+password (\S+)", printed).groups()
    # django-axes checks every sign-in against its request's address and username
    assert client.login(request=HttpRequest(), username=username, password=password)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def printed_password(out):
    return re.search(r"password (\S+)", out.getvalue()).group(1)


def test_a_second_run_keeps_the_first_password_working(client, settings):
    settings.DEBUG = True
    first, second = io.StringIO(), io.StringIO()

    call_command("ensure_local_admin", stdout=first)
    call_command("ensure_local_admin", stdout=second)

    assert "Created" in first.getvalue()
    assert "password is unchanged" in second.getvalue()
    assert "--reset-password" in second.getvalue() and "changepassword admin" in second.getvalue()
    assert client.login(request=HttpRequest(), username="admin", password=printed_password(first))


def test_a_new_password_only_when_asked(client, settings):
    settings.DEBUG = True
    first, reset = io.StringIO(), io.StringIO()

    call_command("ensure_local_admin", stdout=first)
    call_command("ensure_local_admin", "--reset-password", stdout=reset)

    assert "Reset" in reset.getvalue()
    assert not client.login(
        request=HttpRequest(), username="admin", password=printed_password(first)
    )
    assert client.login(request=HttpRequest(), username="admin", password=printed_password(reset))


def test_it_refuses_to_run_outside_development(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="development only"):
        call_command("ensure_local_admin", stdout=io.StringIO())
