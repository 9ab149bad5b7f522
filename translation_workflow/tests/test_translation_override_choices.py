"""A translator's override that chooses an image or a page which has been deleted gets a clear
message, never an admin 500: when it is stored (the translation editor's PUT) and when the
translation is published (the editor's publish POST), as the translator, with session + CSRF.
"""

# The shared fixtures are imported by name, which pyflakes reads as unused or redefined.
# ruff: noqa: F401, F811

import json

import pytest
import wagtail_factories
from django.test import Client
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.users.models import UserProfile
from wagtail_localize.models import OverridableSegment, SegmentOverride

from home.models import HomePage, StandardPage
from tests.translation_fixtures import fill, polish_translator, roles, start_translation

pytestmark = pytest.mark.django_db

IMAGE_DELETED = "This image has been deleted: choose another one."
PAGE_DELETED = "This page has been deleted: choose another one."
NOT_PUBLISHED = "Not published: this translation uses an image or page that has been deleted."


@pytest.fixture
def images(db):
    return [wagtail_factories.ImageFactory(title=f"Square {n}") for n in (1, 2)]


@pytest.fixture
def polish_page(polish_translator, images):
    """An English page with an image and a button to another page, started in Polish."""
    home = HomePage.objects.get(locale__language_code="en")
    contact = home.add_child(instance=StandardPage(title="Contact", slug="contact"))
    page = StandardPage(title="About", slug="about", intro="<p>Who we are.</p>")
    page.body = json.dumps(
        [
            {
                "type": "image",
                "value": {
                    "image": images[0].pk,
                    "alt_text": "A square",
                    "caption": "The square",
                    "credit": "Sample",
                },
            },
            {"type": "call_to_action", "value": {"label": "Write", "page": contact.pk, "url": ""}},
        ]
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    translation = start_translation(page, "pl")
    fill(translation)
    return translation


@pytest.fixture
def editor_client(polish_translator):
    browser = Client(enforce_csrf_checks=True, raise_request_exception=False)
    browser.force_login(polish_translator)
    browser.get(reverse("wagtailadmin_home"))
    return browser


def chooser_segment(translation, value):
    (segment,) = [
        s
        for s in OverridableSegment.objects.filter(source=translation.source)
        if json.loads(s.data_json) == value
    ]
    return segment


def put_override(browser, translation, segment, value):
    url = reverse("wagtail_localize:edit_override", args=[translation.pk, segment.pk])
    return browser.put(
        url,
        encode_multipart(BOUNDARY, {"value": value}),
        content_type=MULTIPART_CONTENT,
        headers={"X-CSRFToken": browser.cookies["csrftoken"].value},
    )


def test_choosing_a_deleted_image_is_refused_with_a_message(editor_client, polish_page, images):
    segment = chooser_segment(polish_page, images[0].pk)
    deleted = images[1].pk
    images[1].delete()

    response = put_override(editor_client, polish_page, segment, str(deleted))

    assert response.status_code == 400
    assert response.json()["detail"] == IMAGE_DELETED
    assert not SegmentOverride.objects.exists()


@pytest.mark.parametrize("value", ["999999", "not-an-id", ""])
def test_choosing_a_page_that_does_not_exist_is_refused(editor_client, polish_page, value):
    contact = StandardPage.objects.get(slug="contact")
    segment = chooser_segment(polish_page, contact.pk)

    response = put_override(editor_client, polish_page, segment, value)

    assert response.status_code == 400
    assert response.json()["detail"] == PAGE_DELETED


def test_choosing_an_existing_image_is_stored(editor_client, polish_page, images):
    segment = chooser_segment(polish_page, images[0].pk)

    response = put_override(editor_client, polish_page, segment, str(images[1].pk))

    assert response.status_code == 201
    assert json.loads(SegmentOverride.objects.get().data_json) == str(images[1].pk)


def publish_in_editor(browser, translation):
    polish = translation.get_target_instance()
    return browser.post(
        reverse("wagtailadmin_pages:edit", args=[polish.pk]),
        {"action": "publish", "csrfmiddlewaretoken": browser.cookies["csrftoken"].value},
        follow=True,
    )


def test_publishing_after_the_chosen_image_was_deleted_tells_the_translator(
    editor_client, polish_page, images, django_capture_on_commit_callbacks
):
    segment = chooser_segment(polish_page, images[0].pk)
    assert put_override(editor_client, polish_page, segment, str(images[1].pk)).status_code == 201
    get_image_model().objects.filter(pk=images[1].pk).delete()

    with django_capture_on_commit_callbacks(execute=True):
        response = publish_in_editor(editor_client, polish_page)

    assert response.status_code == 200
    assert NOT_PUBLISHED in response.content.decode()
    assert not polish_page.get_target_instance().live


def test_publishing_with_a_chosen_image_that_exists_publishes(
    editor_client, polish_page, images, django_capture_on_commit_callbacks
):
    segment = chooser_segment(polish_page, images[0].pk)
    put_override(editor_client, polish_page, segment, str(images[1].pk))

    with django_capture_on_commit_callbacks(execute=True):
        response = publish_in_editor(editor_client, polish_page)

    assert response.status_code == 200
    assert NOT_PUBLISHED not in response.content.decode()
    polish = polish_page.get_target_instance()
    assert polish.live
    assert polish.body[0].value["image"].pk == images[1].pk


def test_previewing_after_the_chosen_image_was_deleted_says_why(editor_client, polish_page, images):
    segment = chooser_segment(polish_page, images[0].pk)
    put_override(editor_client, polish_page, segment, str(images[1].pk))
    get_image_model().objects.filter(pk=images[1].pk).delete()

    response = editor_client.get(
        reverse("wagtail_localize:preview_translation", args=[polish_page.pk])
    )

    assert response.status_code == 409
    assert "image or page that has been deleted" in response.content.decode()


def test_the_message_is_in_the_translators_language(editor_client, polish_page, polish_translator):
    profile = UserProfile.get_for_user(polish_translator)
    profile.preferred_language = "pl"
    profile.save()
    segment = chooser_segment(polish_page, StandardPage.objects.get(slug="contact").pk)

    response = put_override(editor_client, polish_page, segment, "999999")

    assert response.status_code == 400
    assert response.json()["detail"] == "Ta strona została usunięta: wybierz inną."
