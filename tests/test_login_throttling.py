"""Repeated wrong passwords at the admin sign-in lock the username and the address for a while.

Everything goes through the admin's real sign-in form with CSRF checks on, with the limits and
cool-off of the real settings."""

import datetime
import io
import re

import pytest
import time_machine
from axes.utils import reset
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
PASSWORD = "correct horse battery staple"
ATTACKER = "203.0.113.7"
COLLEAGUE = "198.51.100.20"


@pytest.fixture(autouse=True)
def no_earlier_attempts(db):
    reset()
    yield
    reset()


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", PASSWORD)


def browser(address=ATTACKER, **headers):
    return Client(enforce_csrf_checks=True, REMOTE_ADDR=address, **headers)


def sign_in(client, username, password):
    form = client.get(LOGIN)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text)[1]
    data = {"username": username, "password": password, "csrfmiddlewaretoken": token}
    return client.post(LOGIN, {**data, "next": "/admin/"})


def is_signed_in(client):
    return client.get("/admin/").status_code == 200


def fail(client, username, times):
    return [sign_in(client, username, "wrong password").status_code for _ in range(times)]


def test_a_few_wrong_passwords_still_allow_the_right_one(editor, settings):
    client = browser()

    assert fail(client, "editor", settings.AXES_FAILURE_LIMIT - 1) == [200] * (
        settings.AXES_FAILURE_LIMIT - 1
    )
    response = sign_in(client, "editor", PASSWORD)

    assert response.status_code == 302 and is_signed_in(client)


@time_machine.travel(datetime.datetime(2026, 3, 2, 10, 0, tzinfo=datetime.UTC), tick=False)
def test_the_right_password_is_refused_once_the_username_is_locked(editor, settings):
    client = browser(HTTP_ACCEPT_LANGUAGE="el")

    statuses = fail(client, "editor", settings.AXES_FAILURE_LIMIT)
    response = sign_in(client, "editor", PASSWORD)

    assert statuses[-1] == 429
    assert response.status_code == 429 and not is_signed_in(client)
    assert '<html lang="el"' in response.text
    assert "Πάρα πολλές προσπάθειες σύνδεσης" in response.text
    assert "Δοκιμάστε ξανά σε 15 λεπτά (μετά τις 11:15 CET)." in response.text
    assert response["Retry-After"] == "900"
    assert "no-store" in response["Cache-Control"]


def test_the_lockout_page_speaks_english_by_default(editor, settings):
    client = browser()
    fail(client, "editor", settings.AXES_FAILURE_LIMIT)

    response = sign_in(client, "editor", PASSWORD)

    assert response.status_code == 429
    assert "Too many sign-in attempts" in response.text
    assert "Try again in 15 minutes" in response.text


def test_after_the_cool_off_the_right_password_works(editor, settings):
    client = browser()
    fail(client, "editor", settings.AXES_FAILURE_LIMIT)
    later = timezone.now() + settings.AXES_COOLOFF_TIME + datetime.timedelta(seconds=5)

    with time_machine.travel(later, tick=False):
        response = sign_in(client, "editor", PASSWORD)

        assert response.status_code == 302 and is_signed_in(client)


def test_a_locked_username_is_refused_from_another_address_too(editor, settings):
    fail(browser(ATTACKER), "editor", settings.AXES_FAILURE_LIMIT)
    colleague = browser(COLLEAGUE)

    response = sign_in(colleague, "editor", PASSWORD)

    assert response.status_code == 429 and not is_signed_in(colleague)


def test_one_address_guessing_many_usernames_is_locked(editor, settings):
    attacker = browser(ATTACKER)
    for number in range(settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS):
        fail(attacker, f"guess-{number}", 1)

    refused = sign_in(attacker, "editor", PASSWORD)
    colleague = browser(COLLEAGUE)
    accepted = sign_in(colleague, "editor", PASSWORD)

    assert refused.status_code == 429 and not is_signed_in(attacker)
    assert accepted.status_code == 302 and is_signed_in(colleague)


def test_a_forged_forwarded_for_header_is_ignored_without_trusted_proxies(editor, settings):
    for number in range(settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS):
        fail(browser(HTTP_X_FORWARDED_FOR=f"192.0.2.{number}"), f"guess-{number}", 1)

    response = sign_in(browser(HTTP_X_FORWARDED_FOR="192.0.2.200"), "editor", PASSWORD)

    assert response.status_code == 429


def test_behind_a_trusted_proxy_each_client_address_counts_on_its_own(editor, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "127.0.0.1"
    forged_then_real = f"{COLLEAGUE}, {ATTACKER}"
    for number in range(settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS):
        fail(browser(proxy, HTTP_X_FORWARDED_FOR=forged_then_real), f"guess-{number}", 1)

    attacker = sign_in(browser(proxy, HTTP_X_FORWARDED_FOR=ATTACKER), "editor", PASSWORD)
    colleague = sign_in(browser(proxy, HTTP_X_FORWARDED_FOR=COLLEAGUE), "editor", PASSWORD)

    assert attacker.status_code == 429
    assert colleague.status_code == 302


def test_an_administrator_can_lift_a_lock_with_axes_reset_username(editor, settings):
    client = browser()
    fail(client, "editor", settings.AXES_FAILURE_LIMIT)

    call_command("axes_reset_username", "editor", stdout=io.StringIO())
    response = sign_in(client, "editor", PASSWORD)

    assert response.status_code == 302 and is_signed_in(client)
