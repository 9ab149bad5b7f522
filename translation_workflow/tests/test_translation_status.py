"""The translation status report and the translators' dashboard panel, as users see them."""

# The shared fixtures are imported by name, which pyflakes reads as unused or redefined.
# ruff: noqa: F401, F811

import csv
import io

import pytest
from django.urls import reverse

from livecasts.models import City, EpisodePage
from tests.translation_fixtures import (
    add_episode,
    add_series,
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

REPORT = "translation_workflow:status_report"


def report_rows(client, **params):
    """The report's CSV export, as {(title, language): row}."""
    response = client.get(reverse(REPORT), {**params, "export": "csv"})
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode()
    return {(row["Title"], row["Language"]): row for row in csv.DictReader(io.StringIO(text))}


@pytest.fixture
def three_episodes(series, django_capture_on_commit_callbacks):
    """Paris fully translated into Polish, Athens half translated, Madrid not at all."""
    series_pl = start_translation(series, "pl")
    fill(series_pl)
    publish_translation(series_pl, django_capture_on_commit_callbacks)
    paris = add_episode(series, 11, "Paris", paragraphs=["One.", "Two.", "Three.", "Four."])
    athens = add_episode(series, 12, "Athens", paragraphs=["One.", "Two.", "Three.", "Four."])
    madrid = add_episode(series, 14, "Madrid")
    full = start_translation(paris, "pl")
    fill(full)
    publish_translation(full, django_capture_on_commit_callbacks)
    half = start_translation(athens, "pl")
    assert len(segments(half)) == 6  # title, four paragraphs, summary
    fill(half, count=3)
    return {"paris": paris, "athens": athens, "madrid": madrid}


def test_report_shows_translated_partly_translated_and_missing_pages(
    client, editor, three_episodes
):
    client.force_login(editor)

    rows = report_rows(client, locale="pl")

    assert rows[("Paris", "Polski")]["Status"] == "Translated"
    assert rows[("Paris", "Polski")]["Translated (%)"] == "100"
    assert rows[("Athens", "Polski")]["Status"] == "In progress"
    assert rows[("Athens", "Polski")]["Translated (%)"] == "50"
    assert rows[("Madrid", "Polski")]["Status"] == "Missing"
    assert rows[("Madrid", "Polski")]["Translated (%)"] == ""
    assert {language for _title, language in rows} == {"Polski"}


def test_report_page_lists_every_language_with_actions(client, editor, three_episodes):
    client.force_login(editor)

    response = client.get(reverse(REPORT))

    assert response.status_code == 200
    for language in ("Nederlands", "Français", "Ελληνικά", "Polski", "Español"):
        assert language in response.text
    assert "Start translating" in response.text
    assert "Translate" in response.text


def test_report_exports_xlsx(client, editor, three_episodes):
    client.force_login(editor)

    response = client.get(reverse(REPORT), {"export": "xlsx"})

    assert response.status_code == 200
    assert "spreadsheetml" in response["Content-Type"]


def test_report_filters_by_status_and_series(client, editor, three_episodes):
    other = add_series("Other Series", "other-series")
    add_episode(other, 1, "Lisbon")
    client.force_login(editor)

    missing = report_rows(client, locale="pl", status="missing")
    in_series = report_rows(
        client, locale="pl", series=str(three_episodes["paris"].get_parent().pk)
    )

    assert {title for title, _language in missing} >= {"Madrid", "Lisbon", "Other Series"}
    assert ("Paris", "Polski") not in missing
    assert {title for title, _language in in_series} == {
        "Infected Cities",
        "Paris",
        "Athens",
        "Madrid",
    }


def test_translator_lands_on_their_own_language(client, polish_translator, three_episodes):
    client.force_login(polish_translator)

    rows = report_rows(client)
    everything = report_rows(client, locale="")

    assert {language for _title, language in rows} == {"Polski"}
    assert {language for _title, language in everything} > {"Polski"}


def test_translator_sees_actions_only_in_their_own_language(
    client, polish_translator, three_episodes
):
    client.force_login(polish_translator)

    response = client.get(reverse(REPORT), {"locale": "el"})

    assert "Start translating" not in response.text
    assert "Madrid" in response.text


def test_published_source_change_shows_out_of_date_until_synced(client, editor, three_episodes):
    paris = three_episodes["paris"]
    paris.summary = "A new summary for Paris."
    publish(paris)
    client.force_login(editor)

    assert report_rows(client, locale="pl")[("Paris", "Polski")]["Status"] == "Out of date"


def test_draft_change_to_the_source_does_not_make_translations_out_of_date(
    client, editor, three_episodes
):
    paris = EpisodePage.objects.get(pk=three_episodes["paris"].pk)
    paris.summary = "Only a draft."
    paris.save_revision()
    client.force_login(editor)

    assert report_rows(client, locale="pl")[("Paris", "Polski")]["Status"] == "Translated"


def test_fully_translated_but_unpublished_is_ready_to_publish(client, editor, three_episodes):
    athens = start_translation(three_episodes["athens"], "pl")
    fill(athens)
    client.force_login(editor)

    row = report_rows(client, locale="pl")[("Athens", "Polski")]

    assert (row["Status"], row["Translated (%)"]) == ("Ready to publish", "100")


def test_snippets_are_listed_with_their_status(client, editor, roles):
    City.objects.create(name="Athens", country="Greece", locale=locale("en"))
    client.force_login(editor)

    rows = report_rows(client, locale="el")

    assert rows[("Athens", "Ελληνικά")]["Type"] == "City"
    assert rows[("Athens", "Ελληνικά")]["Status"] == "Missing"


def test_dashboard_shows_a_translator_their_backlog(client, polish_translator, three_episodes):
    client.force_login(polish_translator)

    response = client.get(reverse("wagtailadmin_home"))

    assert response.status_code == 200
    assert "Translation work" in response.text
    assert "Athens" in response.text
    assert "Madrid" in response.text
    assert "Ελληνικά" not in response.text


def test_translator_starts_a_missing_translation_in_their_language(
    client, polish_translator, three_episodes
):
    madrid = three_episodes["madrid"]
    client.force_login(polish_translator)
    url = reverse(
        "translation_workflow:start",
        args=[madrid.content_type_id, madrid.pk, "pl"],
    )

    assert client.get(url).status_code == 200
    response = client.post(url)

    polish = madrid.get_translation(locale("pl"))
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[polish.pk])
    assert not polish.live


def test_translator_cannot_start_a_translation_in_another_language(
    client, polish_translator, three_episodes
):
    madrid = three_episodes["madrid"]
    client.force_login(polish_translator)
    url = reverse(
        "translation_workflow:start",
        args=[madrid.content_type_id, madrid.pk, "el"],
    )

    response = client.post(url)

    assert response.status_code in (302, 403)
    assert madrid.get_translation_or_none(locale("el")) is None


def test_starting_needs_the_parent_page_in_that_language(client, polish_translator, roles):
    other = add_series("Other Series", "other-series")
    lisbon = add_episode(other, 1, "Lisbon")
    client.force_login(polish_translator)
    url = reverse(
        "translation_workflow:start",
        args=[lisbon.content_type_id, lisbon.pk, "pl"],
    )

    response = client.post(url)

    assert "does not exist in Polski yet" in response.text
    assert lisbon.get_translation_or_none(locale("pl")) is None
