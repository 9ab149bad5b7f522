"""Private pages stay private: the page cache never keeps a restricted page, and privacy set in
the admin's privacy dialog applies from the very next request."""

import json
import re

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction

from tests.factories import EpisodePageFactory, SeriesPageFactory, home_page
from tests.translation_fixtures import make_user

pytestmark = pytest.mark.django_db

STRAP_LINE = "Members-only strap line"
PASSWORD = "open sesame"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
PURGED = []


class RecordingBackend(BaseBackend):
    """A CDN that only writes down what it was asked to purge."""

    def purge(self, url):
        PURGED.append(url)


@pytest.fixture
def series(settings):
    settings.PAGE_CACHE_SECONDS = 300
    return SeriesPageFactory(parent=home_page(), title="Private Cities", strap_line=STRAP_LINE)


@pytest.fixture
def episode(series):
    return EpisodePageFactory(parent=series, title="Behind closed doors", summary=STRAP_LINE)


@pytest.fixture
def members():
    return Group.objects.create(name="Members")


@pytest.fixture
def privacy_dialog(editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)

    def set_privacy(page, restriction_type, **fields):
        url = reverse("wagtailadmin_pages:set_privacy", args=[page.pk])
        dialog = json.loads(client.get(url).content)
        data = {"restriction_type": restriction_type, **fields}
        data["csrfmiddlewaretoken"] = TOKEN.search(dialog["html"])[1]
        answer = json.loads(client.post(url, data).content)
        assert answer["step"] == "set_privacy_done", answer
        return answer

    return set_privacy


def read(url, client=None):
    return (client or Client()).get(url)


def is_cacheable(response):
    return "public" in response.get("Cache-Control", "")


def is_private(response):
    cache_control = response["Cache-Control"]
    return "private" in cache_control and "no-store" in cache_control and not is_cacheable(response)


def password_form(response):
    return response.status_code == 200 and 'name="password"' in response.text


def test_a_password_applies_at_the_very_next_request(series, privacy_dialog):
    read(series.url)
    assert read(series.url)["X-Page-Cache"] == "hit"

    privacy_dialog(series, "password", password=PASSWORD)
    response = read(series.url)

    assert password_form(response) and STRAP_LINE not in response.text
    assert "X-Page-Cache" not in response and is_private(response)
    assert "X-Page-Cache" not in read(series.url)


def test_the_right_password_shows_the_page_to_that_reader_only(series, privacy_dialog):
    privacy_dialog(series, "password", password=PASSWORD)
    reader = Client(enforce_csrf_checks=True)
    form = read(series.url, reader)
    action = re.search(r'<form[^>]*action="([^"]+)"', form.text)[1]

    reader.post(
        action,
        {
            "password": PASSWORD,
            "return_url": series.url,
            "csrfmiddlewaretoken": TOKEN.search(form.text)[1],
        },
    )
    page = read(series.url, reader)
    again = read(series.url, reader)
    stranger = read(series.url)

    assert page.status_code == 200 and STRAP_LINE in page.text and is_private(page)
    assert "X-Page-Cache" not in again and STRAP_LINE in again.text
    assert password_form(stranger) and STRAP_LINE not in stranger.text


def test_removing_the_password_makes_the_page_public_at_the_next_request(series, privacy_dialog):
    privacy_dialog(series, "password", password=PASSWORD)
    read(series.url)

    privacy_dialog(series, "none")
    response = read(series.url)

    assert STRAP_LINE in response.text and is_cacheable(response)


@pytest.mark.parametrize("restriction", ["login", "groups"])
def test_a_subpage_inherits_a_login_or_group_restriction_at_once(
    episode, series, privacy_dialog, members, restriction
):
    member = make_user("member")
    member.groups.add(members)
    fields = {"groups": [members.pk]} if restriction == "groups" else {}
    read(episode.url)
    assert read(episode.url)["X-Page-Cache"] == "hit"

    privacy_dialog(series, restriction, **fields)
    stranger = read(episode.url)
    signed_in = Client()
    signed_in.force_login(member)

    assert stranger.status_code == 302 and "/login/" in stranger["Location"]
    assert is_private(stranger) and "X-Page-Cache" not in stranger
    assert STRAP_LINE in read(episode.url, signed_in).text
    assert read(episode.url).status_code == 302


def test_changing_the_groups_applies_at_the_next_request(series, privacy_dialog, members):
    member = make_user("member")
    member.groups.add(members)
    others = Group.objects.create(name="Others")
    signed_in = Client()
    signed_in.force_login(member)
    privacy_dialog(series, "groups", groups=[members.pk])
    assert STRAP_LINE in read(series.url, signed_in).text

    privacy_dialog(series, "groups", groups=[others.pk])

    assert STRAP_LINE not in read(series.url, signed_in).text


def test_a_privacy_change_purges_the_page_and_its_subpages_from_the_cdn(
    episode, series, privacy_dialog, settings
):
    settings.WAGTAILFRONTENDCACHE = {"cdn": {"BACKEND": f"{__name__}.RecordingBackend"}}
    PURGED.clear()

    privacy_dialog(series, "login")

    assert any(url.endswith(series.url) for url in PURGED)
    assert any(url.endswith(episode.url) for url in PURGED)


def test_documents_in_a_restricted_collection_are_never_page_cached(settings):
    settings.PAGE_CACHE_SECONDS = 300
    collection = Collection.get_first_root_node().add_child(name="Board papers")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type="password", password=PASSWORD
    )
    minutes = ContentFile(b"Confidential minutes", name="minutes.txt")
    document = Document.objects.create(title="Minutes", file=minutes, collection=collection)

    first, second = read(document.url), read(document.url)

    assert password_form(first) and "X-Page-Cache" not in second and not is_cacheable(second)


def test_the_password_forms_own_address_is_never_cached(series, privacy_dialog):
    privacy_dialog(series, "password", password=PASSWORD)
    reader = Client()
    form = read(series.url, reader)  # sets the reader's CSRF cookie
    action = re.search(r'<form[^>]*action="([^"]+)"', form.text)[1]

    read(action, reader)
    again = read(action, reader)

    assert "X-Page-Cache" not in again and not is_cacheable(again)
