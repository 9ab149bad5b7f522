"""PO files: export a page's translation, edit it elsewhere, import it back, through the admin."""

# The shared fixtures are imported by name, which pyflakes reads as unused or redefined.
# ruff: noqa: F401, F811

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail_localize.models import StringTranslation

from livecasts.models import City, EpisodePage
from tests.translation_fixtures import (
    add_episode,
    greek_translator,
    image,
    locale,
    polish_translator,
    publish_translation,
    roles,
    series,
    start_translation,
)

pytestmark = pytest.mark.django_db

HOME = "/admin/"


@pytest.fixture
def episodes(series, image):
    """Warsaw (with an image block) and Athens, each with an untranslated Polish draft."""
    warsaw = add_episode(series, 13, "Warsaw", image=image)
    athens = add_episode(series, 12, "Athens")
    return {
        "warsaw": start_translation(warsaw, "pl"),
        "athens": start_translation(athens, "pl"),
    }


def download(client, translation):
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/x-gettext-translation"
    return polib.pofile(response.content.decode())


def upload(client, translation, content):
    url = reverse("wagtail_localize:upload_pofile", args=[translation.pk])
    upload = SimpleUploadedFile("translation.po", content, "text/x-gettext-translation")
    response = client.post(url, {"file": upload, "next": HOME}, follow=True)
    assert response.redirect_chain[-1][0] == HOME
    return [str(message).strip() for message in response.context["messages"]]


def translate_all(po):
    for entry in po:
        entry.msgstr = f"PL {entry.msgid}"
    return po


def snapshot():
    return sorted(StringTranslation.objects.values_list("pk", "data", "context_id"))


def test_round_trip_imports_every_edited_message(
    client, polish_translator, episodes, django_capture_on_commit_callbacks
):
    client.force_login(polish_translator)
    po = translate_all(download(client, episodes["warsaw"]))

    messages = upload(client, episodes["warsaw"], str(po).encode())

    assert "Successfully imported translations from PO File." in messages
    assert episodes["warsaw"].get_progress() == (len(po), len(po))
    publish_translation(episodes["warsaw"], django_capture_on_commit_callbacks)
    polish = EpisodePage.objects.get(
        translation_key=episodes["warsaw"].source.object_id, locale=locale("pl")
    )
    assert polish.title == "PL Warsaw"
    assert "PL A crowd on a square at dusk" in str(polish.body)


def test_image_alt_text_and_caption_are_translatable_segments(client, polish_translator, episodes):
    client.force_login(polish_translator)

    msgids = {entry.msgid for entry in download(client, episodes["warsaw"])}

    assert {"A crowd on a square at dusk", "The old town square"} <= msgids


def test_file_for_another_page_is_refused_and_changes_nothing(client, polish_translator, episodes):
    client.force_login(polish_translator)
    athens_po = translate_all(download(client, episodes["athens"]))
    before = snapshot()

    messages = upload(client, episodes["warsaw"], str(athens_po).encode())

    assert any("belongs to “Athens” in Polski, not to “Warsaw” in Polski" in m for m in messages)
    assert "nothing was imported" in messages[0]
    assert snapshot() == before


@pytest.mark.parametrize(
    "content",
    [b"this is not a PO file\n", b"\xff\xfe\x00\x00binary", b'msgid "x"\nmsgstr "y"\nmsgid'],
    ids=["text", "binary", "truncated"],
)
def test_malformed_file_is_refused_and_changes_nothing(
    client, polish_translator, episodes, content
):
    client.force_login(polish_translator)
    before = snapshot()

    messages = upload(client, episodes["warsaw"], content)

    assert messages == ["This is not a valid PO file, so nothing was imported."]
    assert snapshot() == before


def test_file_without_translation_id_is_refused(client, polish_translator, episodes):
    client.force_login(polish_translator)
    po = translate_all(download(client, episodes["warsaw"]))
    del po.metadata["X-WagtailLocalize-TranslationID"]

    messages = upload(client, episodes["warsaw"], str(po).encode())

    assert messages == [
        "This PO file was not exported from this translation, so nothing was imported."
    ]


def test_unknown_message_ids_are_refused_and_change_nothing(client, polish_translator, episodes):
    client.force_login(polish_translator)
    po = translate_all(download(client, episodes["warsaw"]))
    po.append(
        polib.POEntry(
            msgid="A sentence this page never had.", msgstr="Zdanie.", msgctxt="body.nowhere"
        )
    )
    before = snapshot()

    messages = upload(client, episodes["warsaw"], str(po).encode())

    assert len(messages) == 1
    assert "has 1 message that is not in “Warsaw” in Polski" in messages[0]
    assert "A sentence this page never had." in messages[0]
    assert "Nothing was imported." in messages[0]
    assert snapshot() == before  # not even the messages that did match


def test_translator_cannot_use_po_files_of_another_language(client, greek_translator, episodes):
    client.force_login(greek_translator)
    url = reverse("wagtail_localize:download_pofile", args=[episodes["warsaw"].pk])

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == HOME


def test_snippet_po_file_of_another_language_is_refused(client, greek_translator, roles):
    city = City.objects.create(name="Warsaw", country="Poland", locale=locale("en"))
    translation = start_translation(city, "pl")
    client.force_login(greek_translator)

    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))

    assert response.status_code == 302
    assert response["Location"] == HOME
