"""Syncing after an editor changes the English source never loses a translator's work."""

# The shared fixtures are imported by name, which pyflakes reads as unused or redefined.
# ruff: noqa: F401, F811

import json
from urllib.parse import urlencode

import pytest
from django.urls import reverse
from wagtail_localize.models import StringTranslation, TranslationSource

from livecasts.models import EpisodePage
from tests.translation_fixtures import (
    PARAGRAPHS,
    add_episode,
    editor,
    fill,
    locale,
    polish_translator,
    publish,
    publish_translation,
    roles,
    segments,
    series,
    start_translation,
)

pytestmark = pytest.mark.django_db

CHANGED = "Libraries opened their doors again after the lockdown."


@pytest.fixture
def polish_episode(series, django_capture_on_commit_callbacks):
    """Episode 'Warsaw' with every segment translated into Polish and published."""
    series_pl = start_translation(series, "pl")
    fill(series_pl)
    publish_translation(series_pl, django_capture_on_commit_callbacks)
    episode = add_episode(series, 13, "Warsaw")
    translation = start_translation(episode, "pl")
    fill(translation)
    publish_translation(translation, django_capture_on_commit_callbacks)
    return episode, translation


def change_third_paragraph(episode):
    """What the editor does in the page editor: new text in the same block, then publish."""
    page = EpisodePage.objects.get(pk=episode.pk)
    blocks = [dict(block) for block in page.body.raw_data]
    assert blocks[2]["value"] == f"<p>{PARAGRAPHS[2]}</p>"
    blocks[2]["value"] = f"<p>{CHANGED}</p>"
    page.body = json.dumps(blocks)
    return publish(page)


def sync(client, user, episode):
    """The editor's 'Sync translated pages' action, with 'Publish immediately' left off."""
    source = TranslationSource.objects.get_for_instance(episode)
    client.force_login(user)
    response = client.post(reverse("wagtail_localize:update_translations", args=[source.pk]))
    assert response.status_code == 302
    client.logout()


def polish_strings(translation):
    return {
        (row.context.path, row.translation_of.data): row.data
        for row in StringTranslation.objects.filter(
            locale=translation.target_locale, context__object_id=translation.source.object_id
        ).select_related("context", "translation_of")
    }


def untranslated(translation):
    done = {(path, english) for path, english in polish_strings(translation)}
    return [
        segment.string.data
        for segment in segments(translation)
        if (segment.context.path, segment.string.data) not in done
    ]


def test_sync_keeps_untouched_translations_and_flags_only_the_changed_segment(
    client, editor, polish_episode
):
    episode, translation = polish_episode
    before = polish_strings(translation)

    change_third_paragraph(episode)
    sync(client, editor, episode)

    after = polish_strings(translation)
    assert after == before  # nothing deleted, nothing rewritten
    assert untranslated(translation) == [CHANGED]
    total, done = translation.get_progress()
    assert (total, done) == (len(before), len(before) - 1)


def test_nothing_published_in_polish_changes_until_the_translator_publishes(
    client, editor, polish_translator, polish_episode, django_capture_on_commit_callbacks
):
    episode, translation = polish_episode
    polish = episode.get_translation(locale("pl"))
    live_revision, body = polish.live_revision_id, str(polish.body)

    change_third_paragraph(episode)
    sync(client, editor, episode)

    polish.refresh_from_db()
    assert polish.live_revision_id == live_revision
    assert str(polish.body) == body
    assert f"[pl] {PARAGRAPHS[2]}" in str(polish.body)
    public = client.get(polish.url)
    assert public.status_code == 200
    assert f"[pl] {PARAGRAPHS[2]}" in public.text
    assert CHANGED not in public.text


def test_translator_finishes_the_changed_segment_and_publishes(
    client, editor, polish_translator, polish_episode, django_capture_on_commit_callbacks
):
    episode, translation = polish_episode
    change_third_paragraph(episode)
    sync(client, editor, episode)
    changed = next(segment for segment in segments(translation) if segment.string.data == CHANGED)
    polish = episode.get_translation(locale("pl"))
    client.force_login(polish_translator)

    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, changed.pk])
    body = urlencode({"value": "Biblioteki znów otworzyły drzwi po lockdownie."})
    assert (
        client.put(url, body, content_type="application/x-www-form-urlencoded").status_code == 201
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("wagtailadmin_pages:edit", args=[polish.pk]), {"action": "publish"})

    body = str(EpisodePage.objects.get(pk=polish.pk).body)
    assert "Biblioteki znów otworzyły drzwi po lockdownie." in body
    assert f"[pl] {PARAGRAPHS[0]}" in body
    assert f"[pl] {PARAGRAPHS[1]}" in body
    assert PARAGRAPHS[2] not in body
    assert untranslated(translation) == []


def test_report_shows_out_of_date_then_in_progress_after_the_sync(client, editor, polish_episode):
    episode, _translation = polish_episode
    status_url = reverse("translation_workflow:status_report")

    def polish_status():
        client.force_login(editor)
        response = client.get(status_url, {"locale": "pl", "export": "csv"})
        text = b"".join(response.streaming_content).decode()
        client.logout()
        return next(line for line in text.splitlines() if line.startswith("Warsaw,"))

    assert ",Translated,100" in polish_status()
    change_third_paragraph(episode)
    assert ",Out of date," in polish_status()
    sync(client, editor, episode)
    assert ",In progress,80" in polish_status()  # 4 of 5 segments


def test_the_replaced_translation_stays_available_in_the_po_file(
    client, editor, polish_translator, polish_episode
):
    episode, translation = polish_episode
    change_third_paragraph(episode)
    sync(client, editor, episode)
    client.force_login(polish_translator)

    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))

    text = response.content.decode()
    assert f'#~ msgstr "[pl] {PARAGRAPHS[2]}"' in text
