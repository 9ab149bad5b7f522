"""The transcript: the editor types what was said line by line in the page editor; translators
translate the lines through wagtail-localize; readers read it on the episode page in their
language, jump to each moment, and find the episode by a spoken phrase."""

import io
import json
import re

import polib
import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset
from wagtail.users.models import UserProfile
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from livecasts.chapters import format_time
from livecasts.models import EpisodePage, EpisodeTranscriptLine
from tests.admin_forms import episode_edit_form
from tests.factories import PersonFactory
from tests.translation_fixtures import (
    add_episode,
    publish_translation,
    start_translation,
)

pytestmark = pytest.mark.django_db

RECORDING = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
PAGE = "/en/infected-cities/warsaw/"
GREEK_PAGE = "/el/infected-cities/warsaw/"
LINES = [
    ("0:00", "Welcome to this sample transcript.", ""),
    ("12:05", "Warsaw rebuilt its old town from paintings.", "speaker"),
    ("1:05:30", "Thank you for listening.", ""),
]
GREEK_LINES = {
    LINES[0][1]: "Καλώς ήρθατε σε αυτό το δείγμα απομαγνητοφώνησης.",
    LINES[1][1]: "Η Βαρσοβία ξαναέχτισε την παλιά πόλη από πίνακες.",
    LINES[2][1]: "Ευχαριστούμε που ακούσατε.",
}


@pytest.fixture
def episode(series):
    episode = add_episode(series, 13, "Warsaw", paragraphs=[])
    episode.recording_url = RECORDING
    episode.speakers.create(person=PersonFactory(name="Sample Ewa Nowak"), role="Host")
    episode.save_revision().publish()
    return EpisodePage.objects.get(pk=episode.pk)


def editor_form(episode, lines):
    """The page editor's form for `episode` with transcript `lines` as (start, text, person)
    ("speaker" for the episode's speaker) or dicts with the line's `id` for existing ones."""
    speaker = episode.speakers.get().person_id
    forms = [
        line
        if isinstance(line, dict)
        else {
            "start": line[0],
            "text": line[1],
            "person": speaker if line[2] == "speaker" else line[2],
        }
        for line in lines
    ]
    return episode_edit_form(
        episode,
        transcript_lines=inline_formset(
            forms, initial=sum(1 for line in lines if isinstance(line, dict))
        ),
    )


def post_edit(client, user, episode, lines):
    client.force_login(user)
    return client.post(
        reverse("wagtailadmin_pages:edit", args=[episode.pk]), editor_form(episode, lines)
    )


def with_transcript(client, admin_user, episode):
    response = post_edit(client, admin_user, episode, LINES)
    assert response.status_code == 302, response.context["form"].errors
    return EpisodePage.objects.get(pk=episode.pk)


def transcript_on(client, url):
    """The transcript as a reader sees it: (time, link, speaker, text) for each line."""
    soup = BeautifulSoup(client.get(url).text, "html.parser")
    details = soup.find("details", class_="transcript")
    assert details is not None, "no transcript on the page"
    return [
        (
            line.find("time").get_text(strip=True),
            line.find("a")["href"],
            speaker.get_text(strip=True)
            if (speaker := line.find(class_="transcript__speaker"))
            else None,
            line.find(class_="transcript__text").get_text(strip=True),
        )
        for line in details.find_all("li")
    ]


def test_editor_adds_lines_and_readers_read_them_collapsed_with_times(client, admin_user, episode):
    with_transcript(client, admin_user, episode)
    client.logout()

    assert transcript_on(client, PAGE) == [
        ("0:00", f"{RECORDING}&t=0s", None, "Welcome to this sample transcript."),
        ("12:05", f"{RECORDING}&t=725s", "Sample Ewa Nowak", LINES[1][1]),
        ("1:05:30", f"{RECORDING}&t=3930s", None, "Thank you for listening."),
    ]
    soup = BeautifulSoup(client.get(PAGE).text, "html.parser")
    details = soup.find("details", class_="transcript")
    assert not details.has_attr("open")
    assert details.find("summary").get_text(strip=True) == "Transcript"
    line = soup.find(id="transcript-725")
    assert line.find("a")["data-chapter-player-url"].endswith("&start=725")
    assert "<iframe" not in str(soup.find("section", class_="broadcast"))


def test_an_upcoming_episode_shows_no_transcript(client, admin_user, episode):
    episode = with_transcript(client, admin_user, episode)
    episode.date = episode.date.replace(year=2099)
    episode.save_revision().publish()
    client.logout()

    assert BeautifulSoup(client.get(PAGE).text, "html.parser").find("details") is None


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ([("0:00", "Hello", ""), ("1:35:00", "Too late", "")], "after the end of the recording"),
        ([("10:00", "Second", ""), ("5:00", "First", "")], "Transcript lines must be in order"),
        ([("5:00", "One", ""), ("5:00", "Two", "")], "Another line of the transcript already"),
        ([("1:75", "Malformed", "")], "Enter the time as hours:minutes:seconds"),
        ([("0:00", "<b>Loud</b> words", "")], "Write what was said as plain text"),
        ([("0:00", "A <script>alert(1)</script>", "")], "Write what was said as plain text"),
        ([("0:00", "End of paragraph</p>", "")], "Write what was said as plain text"),
    ],
)
def test_bad_lines_are_explained_and_what_was_typed_is_kept(
    client, admin_user, episode, lines, message
):
    response = post_edit(client, admin_user, episode, lines)

    assert response.status_code == 200
    assert message in response.text
    soup = BeautifulSoup(response.text, "html.parser")
    typed = [
        area.get_text().removeprefix("\n")
        for area in soup.select('textarea[name^="transcript_lines-"]')
    ]
    assert [text for _start, text, _person in lines] == [t for t in typed if t]
    for start, _text, _person in lines:
        assert soup.select_one(f'input[name^="transcript_lines-"][value="{start}"]') is not None
    assert not EpisodeTranscriptLine.objects.filter(page__translation_key=episode.translation_key)


def test_a_line_after_the_end_speaks_of_lines_not_chapters(client, admin_user, episode):
    response = post_edit(client, admin_user, episode, [("1:35:00", "Too late", "")])

    assert "This line starts at or after the end of the recording" in response.text
    assert (
        "chapter"
        not in BeautifulSoup(response.text, "html.parser")
        .select_one(".error-message, .w-field__errors")
        .get_text()
    )


def test_a_speaker_must_speak_in_the_episode(client, admin_user, episode):
    stranger = PersonFactory(name="Sample Stranger")
    response = post_edit(client, admin_user, episode, [("0:00", "Hi", stranger.pk)])

    assert response.status_code == 200
    assert "Choose one of the speakers listed for this episode" in response.text


def test_greek_editor_reads_the_markup_message_in_greek(client, admin_user, episode):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "el"
    profile.save()
    response = post_edit(client, admin_user, episode, [("0:00", "<b>Loud</b>", "")])

    assert response.status_code == 200
    assert "Write what was said as plain text" not in response.text
    assert "απλό κείμενο" in response.text


def line_segments(translation):
    return [
        segment
        for segment in StringSegment.objects.filter(source=translation.source)
        .select_related("string", "context")
        .order_by("order")
        if segment.context.path.startswith("transcript_lines.")
    ]


@pytest.fixture
def translator_client(greek_translator):
    """The Greek translator's browser: a session and CSRF checks, as the editor's script."""
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(greek_translator)
    browser.get(reverse("wagtailadmin_home"))
    return browser


def put_string(browser, translation, segment, value):
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    return browser.put(
        url,
        encode_multipart(BOUNDARY, {"value": value}),
        content_type=MULTIPART_CONTENT,
        headers={"X-CSRFToken": browser.cookies["csrftoken"].value},
    )


def translate_lines(browser, translation, greek=GREEK_LINES):
    for segment in line_segments(translation):
        if segment.string.data in greek:
            response = put_string(browser, translation, segment, greek[segment.string.data])
            assert response.status_code in (200, 201), response.content


def translate_the_rest(translation):
    for segment in StringSegment.objects.filter(source=translation.source).select_related(
        "string", "context"
    ):
        StringTranslation.objects.get_or_create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            defaults={"data": segment.string.data},
        )


def greek_translation(client, admin_user, episode, translator_client, capture):
    episode = with_transcript(client, admin_user, episode)
    translation = start_translation(episode, "el")
    assert [s.string.data for s in line_segments(translation)] == list(GREEK_LINES)
    translate_lines(translator_client, translation)
    translate_the_rest(translation)
    publish_translation(translation, capture)
    return episode, translation


def test_translators_translate_lines_through_wagtail_localize_and_readers_read_greek(
    client, admin_user, episode, translator_client, django_capture_on_commit_callbacks
):
    greek_translation(
        client, admin_user, episode, translator_client, django_capture_on_commit_callbacks
    )
    client.logout()

    assert transcript_on(client, GREEK_PAGE) == [
        ("0:00", f"{RECORDING}&t=0s", None, GREEK_LINES["Welcome to this sample transcript."]),
        ("12:05", f"{RECORDING}&t=725s", "Sample Ewa Nowak", GREEK_LINES[LINES[1][1]]),
        ("1:05:30", f"{RECORDING}&t=3930s", None, GREEK_LINES["Thank you for listening."]),
    ]
    summary = BeautifulSoup(client.get(GREEK_PAGE).text, "html.parser").find("summary")
    assert summary.get_text(strip=True) == "Απομαγνητοφώνηση"


def test_after_a_sync_unchanged_lines_keep_their_translations(
    client, admin_user, episode, translator_client, django_capture_on_commit_callbacks
):
    episode, translation = greek_translation(
        client, admin_user, episode, translator_client, django_capture_on_commit_callbacks
    )
    changed = [
        {
            "id": line.pk,
            "start": "20:00" if line.start == 725 else format_time(line.start),
            "text": "Warsaw rebuilt its old town from old paintings."
            if line.start == 725
            else line.text,
            "person": line.person_id or "",
        }
        for line in episode.transcript_lines.all()
    ]
    assert post_edit(client, admin_user, episode, changed).status_code == 302
    source = TranslationSource.objects.get_for_instance(episode)
    response = client.post(reverse("wagtail_localize:update_translations", args=[source.pk]), {})
    assert response.status_code == 302

    segments = line_segments(translation)
    assert [s.string.data for s in segments][1] == "Warsaw rebuilt its old town from old paintings."
    new = "Η Βαρσοβία ξαναέχτισε την παλιά πόλη από παλιούς πίνακες."
    translate_lines(translator_client, translation, {segments[1].string.data: new})
    # The translator publishes from the synced source (a fresh read of it).
    publish_translation(
        Translation.objects.get(pk=translation.pk), django_capture_on_commit_callbacks
    )
    client.logout()

    greek = transcript_on(client, GREEK_PAGE)
    assert [(time, text) for time, _link, _speaker, text in greek] == [
        ("0:00", GREEK_LINES["Welcome to this sample transcript."]),
        ("20:00", new),
        ("1:05:30", GREEK_LINES["Thank you for listening."]),
    ]


def test_a_line_with_tags_is_refused_to_the_translator_and_nothing_is_stored(
    client, admin_user, episode, translator_client, greek_translator
):
    profile = UserProfile.get_for_user(greek_translator)
    profile.preferred_language = "el"
    profile.save()
    episode = with_transcript(client, admin_user, episode)
    translation = start_translation(episode, "el")
    segment = line_segments(translation)[0]

    response = put_string(translator_client, translation, segment, "<b>Καλώς</b> ήρθατε")

    assert response.status_code == 400
    assert "απλό κείμενο" in response.json()["detail"]
    assert not StringTranslation.objects.filter(translation_of=segment.string).exists()
    # A line break, which wagtail-localize keeps as <br>, is not a tag the translator typed.
    assert put_string(translator_client, translation, segment, "Καλώς<br>ήρθατε").status_code in (
        200,
        201,
    )


def test_a_po_file_with_a_tagged_line_is_refused_and_changes_nothing(
    client, admin_user, episode, greek_translator
):
    episode = with_transcript(client, admin_user, episode)
    translation = start_translation(episode, "el")
    client.force_login(greek_translator)
    po = polib.pofile(
        client.get(
            reverse("wagtail_localize:download_pofile", args=[translation.pk])
        ).content.decode()
    )
    for entry in po:
        entry.msgstr = f"<i>{entry.msgid}</i>" if entry.msgctxt.startswith("transcript_") else ""

    upload = SimpleUploadedFile("el.po", str(po).encode(), "text/x-gettext-translation")
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": upload, "next": "/admin/"},
        follow=True,
    )

    messages = [str(message) for message in response.context["messages"]]
    assert any("Write what was said as plain text" in message for message in messages)
    assert not StringTranslation.objects.exists()


def test_markup_in_a_line_is_shown_as_text(client, admin_user, episode):
    episode = with_transcript(client, admin_user, episode)
    line = episode.transcript_lines.first()
    line.text = "<b>Loud</b> & <script>x</script>\nSecond line"
    line.save()
    episode.save_revision().publish()
    client.logout()

    text = client.get(PAGE).text
    assert "&lt;b&gt;Loud&lt;/b&gt; &amp; &lt;script&gt;x&lt;/script&gt;<br>Second line" in text
    assert "<b>Loud</b>" not in text


def search_results(client, language, query):
    soup = BeautifulSoup(client.get(f"/{language}/search/", {"q": query}).text, "html.parser")
    return soup.find("ol", class_="search-results")


def test_search_finds_a_spoken_phrase_and_links_to_its_moment(client, admin_user, episode):
    with_transcript(client, admin_user, episode)
    client.logout()

    results = search_results(client, "en", "rebuilt its old town")
    said = results.find(class_="search-results__said")
    assert said.find("a")["href"] == f"{PAGE}#transcript-725"
    assert said.get_text(" ", strip=True) == (
        "Said at 12:05 by Sample Ewa Nowak: “Warsaw rebuilt its old town from paintings.”"
    )


@pytest.mark.parametrize("query", ["παλιά πόλη από πίνακες", "ΠΑΛΙΑ ΠΟΛΗ", "παλια πολη"])
def test_greek_search_finds_the_greek_line_with_or_without_accents(
    client, admin_user, episode, translator_client, django_capture_on_commit_callbacks, query
):
    greek_translation(
        client, admin_user, episode, translator_client, django_capture_on_commit_callbacks
    )
    client.logout()

    said = search_results(client, "el", query).find(class_="search-results__said")
    assert said.find("a")["href"] == f"{GREEK_PAGE}#transcript-725"
    assert GREEK_LINES[LINES[1][1]] in said.get_text()
    assert said.get_text(strip=True).startswith("Ειπώθηκε στο 12:05")


def test_api_lists_the_transcript_in_seconds_with_speakers(client, admin_user, episode):
    episode = with_transcript(client, admin_user, episode)
    client.logout()

    data = client.get(f"/api/v2/pages/{episode.pk}/").json()
    assert data["transcript"] == [
        {"start": 0, "end": 725, "text": LINES[0][1], "speaker": None},
        {"start": 725, "end": 3930, "text": LINES[1][1], "speaker": "Sample Ewa Nowak"},
        {"start": 3930, "end": 5400, "text": LINES[2][1], "speaker": None},
    ]
    listing = client.get(
        "/api/v2/pages/", {"type": "livecasts.EpisodePage", "fields": "transcript"}
    ).json()
    assert [line["start"] for line in listing["items"][0]["transcript"]] == [0, 725, 3930]


def test_json_ld_video_carries_the_transcript_as_text(client, admin_user, episode):
    with_transcript(client, admin_user, episode)
    client.logout()

    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', client.get(PAGE).text, re.S
    )
    (event,) = [item for block in blocks for item in json.loads(block) if item["@type"] == "Event"]
    assert event["recordedIn"]["transcript"] == "\n".join(
        [LINES[0][1], f"Sample Ewa Nowak: {LINES[1][1]}", LINES[2][1]]
    )


DEMO_FIRST_LINE = {
    "en": "This is a sample transcript, written for the demo",
    "nl": "Dit is een voorbeeldtranscript",
    "fr": "Ceci est un exemple de transcription",
    "el": "Αυτό είναι ένα δείγμα απομαγνητοφώνησης",
    "pl": "To przykładowa transkrypcja",
    "es": "Esta es una transcripción de muestra",
}


@pytest.mark.parametrize("language", DEMO_FIRST_LINE)
def test_demo_recording_has_a_sample_transcript_in_every_language(demo, client, language):
    lines = transcript_on(client, f"/{language}/infected-cities/paris/")

    assert [time for time, _link, _speaker, _text in lines] == [
        "0:00",
        "0:20",
        "2:30",
        "6:40",
        "9:00",
    ]
    assert lines[0][3].startswith(DEMO_FIRST_LINE[language])
    assert lines[0][2] is None  # the sample notice is nobody's words


def test_demo_transcript_is_loaded_once(demo):
    before = EpisodeTranscriptLine.objects.count()

    out = io.StringIO()
    call_command("load_demo_content", stdout=out)

    assert before == 5 * 6
    assert EpisodeTranscriptLine.objects.count() == before
    assert "transcript" not in out.getvalue().lower()
