"""Captions: editors upload WebVTT files as documents (checked as they come in) and choose one
per language in the episode's Broadcast tab; readers download them and the player switches
them on in the reader's language; a language without a file gets captions made from its
translated transcript."""

import datetime
import json
import re
from pathlib import Path

import pytest
import webvtt as webvtt_py  # an independent reader, as players parse the files
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from wagtail.documents import get_document_model
from wagtail.models import Collection, PageViewRestriction
from wagtail.test.utils.form_data import inline_formset
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringSegment, StringTranslation

from livecasts import webvtt
from livecasts.models import EpisodeCaptionTrack, EpisodePage, EpisodeTranscriptLine
from livecasts.video import parse_video_url
from tests.admin_forms import episode_edit_form
from tests.factories import PersonFactory
from tests.translation_fixtures import add_episode, locale, publish_translation, start_translation

pytestmark = pytest.mark.django_db
Document = get_document_model()

RECORDING = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
PAGE = "/en/infected-cities/warsaw/"
GREEK_PAGE = "/el/infected-cities/warsaw/"
VALID = "WEBVTT\n\n00:00.000 --> 00:04.000\nWelcome to this sample episode.\n\n" + (
    "00:04.000 --> 00:09.500 align:start\n<v Sample Host>Our first guest joins us.\n"
)
BAD_FILES = {
    "latin-1": (
        "WEBVTT\n\n00:00.000 --> 00:04.000\nCafé\n".encode("latin-1"),
        "Line 4 is not UTF-8 text",
    ),
    "utf-16": (VALID.encode("utf-16"), "Line 1 is not UTF-8 text"),
    "broken timing line": (
        b"WEBVTT\n\n00:00.000 --> 00:04.000\nOne\n\n00:04 --> 00:09.500\nTwo\n",
        "Line 6 is not a valid timing line",
    ),
    "end before start": (
        b"WEBVTT\n\n00:09.000 --> 00:04.000\nOne\n",
        "Line 3: the cue ends at 00:00:04.000, which is not after its start (00:00:09.000)",
    ),
    "no WEBVTT line": (b"00:00.000 --> 00:04.000\nOne\n", "Line 1 must start with “WEBVTT”"),
    "cues out of order": (
        b"WEBVTT\n\n00:05.000 --> 00:06.000\nB\n\n00:01.000 --> 00:02.000\nA\n",
        "Line 6: this cue starts at 00:00:01.000, before the cue above it",
    ),
    "no cue": (b"WEBVTT\n\nNOTE only a comment\n", "the file ends without a single cue"),
}


@pytest.fixture
def episode(series):
    episode = add_episode(series, 13, "Warsaw", paragraphs=[])
    episode.recording_url = RECORDING
    episode.save_revision().publish()
    return EpisodePage.objects.get(pk=episode.pk)


def stored_documents():
    folder = Path(settings.MEDIA_ROOT) / "documents"
    return sorted(folder.rglob("*")) if folder.exists() else []


def upload(client, content, name="captions.vtt", title="Sample captions"):
    """The documents library's "Add a document" form, as the browser posts it."""
    form = BeautifulSoup(client.get(reverse("wagtaildocs:add")).text, "html.parser")
    token = form.find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "csrfmiddlewaretoken": token,
            "title": title,
            "file": ContentFile(content, name=name),
            "collection": Collection.get_first_root_node().pk,
            "tags": "",
        },
    )


@pytest.fixture
def editor_client(admin_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user)
    return client


def form_errors(response):
    soup = BeautifulSoup(response.text, "html.parser")
    return " ".join(error.get_text(" ", strip=True) for error in soup.select(".error-message"))


def test_a_valid_caption_file_is_stored(editor_client):
    response = upload(editor_client, VALID.encode())

    assert response.status_code == 302
    document = Document.objects.get()
    assert document.title == "Sample captions"
    with document.open_file() as file:
        assert file.read() == VALID.encode()


@pytest.mark.parametrize("problem", BAD_FILES)
def test_a_broken_caption_file_is_refused_naming_the_line(editor_client, problem):
    before = stored_documents()
    content, message = BAD_FILES[problem]
    response = upload(editor_client, content)

    assert response.status_code == 200
    assert message in form_errors(response)
    assert not Document.objects.exists()
    assert stored_documents() == before


def test_a_greek_editor_reads_what_is_wrong_in_greek(editor_client, admin_user):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "el"
    profile.save()
    response = upload(editor_client, BAD_FILES["broken timing line"][0])

    assert "Η γραμμή 6" in form_errors(response)
    assert not Document.objects.exists()


def test_replacing_a_caption_file_with_a_broken_one_keeps_the_old_file(client, admin_user):
    client.force_login(admin_user)
    document = caption_document(VALID.encode())
    content, message = BAD_FILES["cues out of order"]
    response = client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {
            "title": "Sample captions, second version",
            "file": ContentFile(content, name="captions.vtt"),
            "collection": document.collection_id,
            "tags": "",
        },
    )

    assert response.status_code == 200
    assert message in form_errors(response)
    document.refresh_from_db()
    assert document.title == "captions.vtt"
    with document.open_file() as file:
        assert file.read() == VALID.encode()


def test_other_documents_are_not_read_as_captions(editor_client):
    response = upload(editor_client, b"Not a caption file.", name="notes.txt")

    assert response.status_code == 302
    assert Document.objects.get().file.name.endswith(".txt")


def test_the_choosers_upload_refuses_a_broken_caption_file(client, admin_user):
    client.force_login(admin_user)
    content, message = BAD_FILES["broken timing line"]
    response = client.post(
        reverse("wagtaildocs_chooser:create"),
        {
            "document-chooser-upload-title": "Sample captions",
            "document-chooser-upload-file": ContentFile(content, name="captions.vtt"),
            "document-chooser-upload-collection": Collection.get_first_root_node().pk,
        },
    )

    assert response.status_code == 200
    html = response.json()["htmlFragment"]
    assert message in BeautifulSoup(html, "html.parser").get_text(" ")
    assert not Document.objects.exists()


def test_the_multiple_uploader_refuses_a_broken_caption_file(client, admin_user):
    client.force_login(admin_user)
    content, message = BAD_FILES["end before start"]
    response = client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": ContentFile(content, name="captions.vtt")},
        headers={"x-requested-with": "XMLHttpRequest"},
    )

    assert response.json()["success"] is False
    assert message in response.json()["error_message"]
    assert not Document.objects.exists()

    good = client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": ContentFile(VALID.encode(), name="captions.vtt")},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert good.json()["success"] is True
    assert Document.objects.count() == 1


def caption_document(content, name="captions.vtt"):
    """A document as stored before uploads were checked: nothing looked at its content."""
    return Document.objects.create(title=name, file=ContentFile(content, name=name))


def editor_form(episode, tracks):
    """The page editor's form for `episode` with caption `tracks` as (language, document)."""
    return episode_edit_form(
        episode,
        caption_tracks=inline_formset(
            [{"language": language, "document": document.pk} for language, document in tracks]
        ),
    )


def post_edit(client, user, episode, tracks):
    client.force_login(user)
    return client.post(
        reverse("wagtailadmin_pages:edit", args=[episode.pk]), editor_form(episode, tracks)
    )


def with_tracks(client, user, episode, tracks):
    response = post_edit(client, user, episode, tracks)
    assert response.status_code == 302, form_errors(response)
    client.logout()
    return EpisodePage.objects.get(pk=episode.pk)


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"WEBVTT\n\n00:04 --> 00:09.500\nTwo\n", "old.vtt", "Line 3 is not a valid timing line"),
        (b"Some notes.", "notes.txt", "Choose a WebVTT caption file"),
    ],
)
def test_the_episode_form_refuses_a_document_that_is_no_valid_caption_file(
    client, admin_user, episode, content, name, message
):
    response = post_edit(client, admin_user, episode, [("en", caption_document(content, name))])

    assert response.status_code == 200
    assert message in form_errors(response)
    assert not EpisodeCaptionTrack.objects.exists()


def test_one_track_per_language(client, admin_user, episode):
    tracks = [("en", caption_document(VALID.encode())), ("en", caption_document(VALID.encode()))]
    response = post_edit(client, admin_user, episode, tracks)

    assert response.status_code == 200
    assert "There is already a caption track in this language" in form_errors(response)
    assert not EpisodeCaptionTrack.objects.exists()


def test_an_uploaded_track_is_served_as_webvtt_and_offered_for_download(
    client, admin_user, episode
):
    with_tracks(client, admin_user, episode, [("en", caption_document(VALID.encode()))])

    response = client.get(f"{PAGE}captions/en.vtt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/vtt; charset=utf-8"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "public" in response["Cache-Control"]
    cues = webvtt.read(response.content)
    assert [cue.text for cue in cues] == [
        "Welcome to this sample episode.",
        "<v Sample Host>Our first guest joins us.",
    ]
    independent = webvtt_py.from_string(response.content.decode())
    assert [(cue.voice, cue.text) for cue in independent] == [
        (None, "Welcome to this sample episode."),
        ("Sample Host", "Our first guest joins us."),
    ]

    soup = BeautifulSoup(client.get(PAGE).text, "html.parser")
    downloads = soup.find("section", class_="caption-downloads")
    assert downloads.find("h3").get_text(strip=True) == "Captions (WebVTT)"
    links = [
        (link["href"], link["lang"], link["hreflang"], link["type"], link.get_text(strip=True))
        for link in downloads.find_all("a")
    ]
    assert links == [(f"{PAGE}captions/en.vtt", "en", "en", "text/vtt", "English")]


def test_unknown_languages_and_missing_captions_are_404(client, episode):
    for path in ("captions/en.vtt", "captions/xx.vtt", "captions/de.vtt", "captions/.vtt"):
        assert client.get(f"{PAGE}{path}").status_code == 404, path
    response = client.get(f"{GREEK_PAGE}captions/xx.vtt")
    assert response.status_code == 404
    assert BeautifulSoup(response.text, "html.parser").html["lang"] == "el"


def test_a_draft_or_private_episodes_captions_are_not_served(client, admin_user, episode):
    episode = with_tracks(client, admin_user, episode, [("en", caption_document(VALID.encode()))])
    restriction = PageViewRestriction.objects.create(
        page=episode, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Sample insiders"))

    response = client.get(f"{PAGE}captions/en.vtt")
    assert response.status_code == 302  # to the login page
    assert b"WEBVTT" not in response.content

    restriction.delete()
    episode.unpublish()
    assert client.get(f"{PAGE}captions/en.vtt").status_code == 404


def add_transcript(episode, lines):
    """Transcript lines as (start, text, person or None), on the English episode."""
    for order, (start, text, person) in enumerate(lines):
        episode.transcript_lines.create(start=start, text=text, person=person, sort_order=order)
    episode.save_revision().publish()
    return EpisodePage.objects.get(pk=episode.pk)


GREEK_TEXT = {
    "Welcome to this sample episode.": "Καλώς ήρθατε σε αυτό το δείγμα επεισοδίου.",
    "Our first guest joins us.": "Ο πρώτος μας καλεσμένος είναι μαζί μας.",
}


def translate_to_greek(episode, capture):
    translation = start_translation(episode, "el")
    for segment in StringSegment.objects.filter(source=translation.source).select_related(
        "string", "context"
    ):
        text = segment.string.data
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale("el"),
            context=segment.context,
            defaults={"data": GREEK_TEXT.get(text, f"[el] {text}")},
        )
    publish_translation(translation, capture)
    return episode.get_translation(locale("el"))


def test_captions_are_made_from_a_translated_transcript(
    client, episode, django_capture_on_commit_callbacks
):
    host = PersonFactory(name="Sample Host")
    episode = add_transcript(
        episode,
        [(0, "Welcome to this sample episode.", host), (65, "Our first guest joins us.", None)],
    )
    translate_to_greek(episode, django_capture_on_commit_callbacks)

    response = client.get(f"{GREEK_PAGE}captions/el.vtt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/vtt; charset=utf-8"
    cues = webvtt.read(response.content)
    assert [(cue.start, cue.end, cue.text) for cue in cues] == [
        (0, 65, "<v Sample Host>Καλώς ήρθατε σε αυτό το δείγμα επεισοδίου.</v>"),
        (65, 90 * 60, "Ο πρώτος μας καλεσμένος είναι μαζί μας."),  # until the episode's end
    ]
    assert [cue.text for cue in webvtt_py.from_string(response.content.decode())] == [
        "Καλώς ήρθατε σε αυτό το δείγμα επεισοδίου.",
        "Ο πρώτος μας καλεσμένος είναι μαζί μας.",
    ]
    # The same file from every language version of the page; English from the English text.
    assert client.get(f"{PAGE}captions/el.vtt").content == response.content
    english = webvtt.read(client.get(f"{PAGE}captions/en.vtt").content)
    assert english[1].text == "Our first guest joins us."

    soup = BeautifulSoup(client.get(GREEK_PAGE).text, "html.parser")
    links = soup.select(".caption-downloads a")
    assert [(link["hreflang"], link.get_text(strip=True)) for link in links] == [
        ("en", "English"),
        ("el", "Ελληνικά"),
    ]
    assert soup.find("h3", id="caption-downloads-heading").get_text(strip=True) == (
        "Υπότιτλοι (WebVTT)"
    )


def test_a_draft_translations_transcript_gives_no_captions(client, episode):
    episode = add_transcript(episode, [(0, "Welcome to this sample episode.", None)])
    start_translation(episode, "el")  # a draft until its translator publishes it

    assert client.get(f"{PAGE}captions/el.vtt").status_code == 404


def test_typed_text_cannot_become_cue_markup_or_structure(client, episode):
    hostile = "Hello <script>alert(1)</script> & <b>bold</b>\n\n00:00:01.000 --> 00:00:02.000\n\nx"
    person = PersonFactory(name="Sample <i>Host</i> & co")
    add_transcript(episode, [(0, hostile, person), (10, "Second line.", None)])

    body = client.get(f"{PAGE}captions/en.vtt").content
    cues = webvtt.read(body)
    assert len(cues) == 2
    assert cues[0].text == (
        "<v Sample &lt;i&gt;Host&lt;/i&gt; &amp; co>Hello &lt;script&gt;alert(1)&lt;/script&gt; "
        "&amp; &lt;b&gt;bold&lt;/b&gt;\n00:00:01.000 --&gt; 00:00:02.000\nx</v>"
    )
    assert b"<script" not in body
    assert cues[1].text == "Second line."
    independent = webvtt_py.from_string(body.decode())
    assert [(cue.start_in_seconds, cue.voice) for cue in independent] == [
        (0, "Sample &lt;i&gt;Host&lt;/i&gt; &amp; co"),
        (10, None),
    ]


def player_urls(client, url):
    soup = BeautifulSoup(client.get(url).text, "html.parser")
    button = soup.select_one(".broadcast .video__play")
    return button["data-player-url"], soup


def test_the_player_switches_on_captions_in_the_readers_language(
    client, admin_user, episode, django_capture_on_commit_callbacks
):
    episode.chapters.create(start=125, title="Sample chapter")
    episode = add_transcript(episode, [(0, "Welcome to this sample episode.", None)])
    # English has captions: the English player asks for them.
    url, soup = player_urls(client, PAGE)
    assert url.endswith("?autoplay=1&rel=0&cc_lang_pref=en&cc_load_policy=1")
    chapter = soup.select_one(".chapters__link")["data-chapter-player-url"]
    assert chapter.endswith("&cc_lang_pref=en&cc_load_policy=1&start=125")

    greek = translate_to_greek(episode, django_capture_on_commit_callbacks)
    EpisodeTranscriptLine.objects.filter(page=greek).delete()
    greek.save_revision().publish()
    url, _soup = player_urls(client, GREEK_PAGE)
    assert "cc_lang_pref" not in url  # no Greek captions: the player's own choice


def test_the_livestream_player_asks_for_no_captions(client, episode):
    episode = add_transcript(episode, [(0, "Welcome to this sample episode.", None)])
    start = timezone.localtime(timezone.now() - datetime.timedelta(minutes=10))
    episode.date, episode.start_time = start.date(), start.time()
    episode.duration_minutes = 120
    episode.livestream_url = "https://www.youtube.com/watch?v=aqz-KE-bpKQ"
    episode.save_revision().publish()

    url, _soup = player_urls(client, PAGE)
    assert url.startswith("https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?")
    assert "cc_lang_pref" not in url  # captions belong to the recording


def test_vimeo_players_name_the_text_track():
    video = parse_video_url("https://vimeo.com/76979871")

    assert video.player_url_with_captions("el") == (
        "https://player.vimeo.com/video/76979871?autoplay=1&dnt=1&texttrack=el"
    )
    assert video.player_url_at(30, "el").endswith("&texttrack=el#t=30s")
    assert video.player_url == "https://player.vimeo.com/video/76979871?autoplay=1&dnt=1"


def test_json_ld_lists_the_caption_files(client, admin_user, episode):
    with_tracks(client, admin_user, episode, [("fr", caption_document(VALID.encode()))])

    text = client.get(PAGE).text
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
    (event,) = [item for block in blocks for item in json.loads(block) if item["@type"] == "Event"]
    assert event["url"].startswith("http") and event["url"].endswith(PAGE)
    assert event["recordedIn"]["caption"] == [
        {
            "@type": "MediaObject",
            "contentUrl": f"{event['url']}captions/fr.vtt",
            "encodingFormat": "text/vtt",
            "inLanguage": "fr",
        }
    ]


def test_translations_share_the_tracks_and_translators_see_no_segment_for_them(
    client, admin_user, episode, django_capture_on_commit_callbacks
):
    document = caption_document(VALID.encode())
    episode = with_tracks(client, admin_user, episode, [("en", document)])
    greek = translate_to_greek(episode, django_capture_on_commit_callbacks)

    assert [(t.language, t.document_id) for t in greek.caption_tracks.all()] == [
        ("en", document.pk)
    ]
    contexts = StringSegment.objects.values_list("context__path", flat=True)
    assert not [path for path in contexts if "caption" in path]
    assert webvtt.read(client.get(f"{GREEK_PAGE}captions/en.vtt").content)


def test_the_writer_keeps_typed_line_breaks_but_no_blank_lines():
    text = webvtt.write(
        [
            webvtt.TimedLine(0, 1.5, "First\r\n\r\n  \nsecond", "A & B"),
            webvtt.TimedLine(2, 3, " \n ", ""),  # nothing to show: no cue
        ]
    )

    assert text == "WEBVTT\n\n00:00:00.000 --> 00:00:01.500\n<v A &amp; B>First\nsecond</v>\n"
    assert len(webvtt.read(text.encode())) == 1


TYPED = st.text(st.characters(exclude_categories=("Cs",)), max_size=80)


@hypothesis_settings(max_examples=300, deadline=None)
@given(text=TYPED, speaker=TYPED)
def test_whatever_is_typed_stays_the_text_of_one_cue(text, speaker):
    body = webvtt.write([webvtt.TimedLine(0, 1, text, speaker), webvtt.TimedLine(1, 2, "Next.")])
    cues = webvtt.read(body.encode())

    assert cues[-1].text == "Next."
    if len(cues) == 1:
        assert not text.strip()
        return
    assert len(cues) == 2
    inner = re.sub(r"^<v [^<>\n]+>(.*)</v>$", r"\1", cues[0].text, flags=re.S)
    assert "<" not in inner and ">" not in inner


def test_a_track_added_to_the_source_reaches_the_translation_at_once(
    client, admin_user, episode, django_capture_on_commit_callbacks
):
    translate_to_greek(episode, django_capture_on_commit_callbacks)
    episode = EpisodePage.objects.get(pk=episode.pk)
    with_tracks(client, admin_user, episode, [("el", caption_document(VALID.encode()))])

    response = client.get(f"{GREEK_PAGE}captions/el.vtt")  # no sync since the upload
    assert response.status_code == 200
    assert webvtt.read(response.content)[0].text == "Welcome to this sample episode."
    soup = BeautifulSoup(client.get(GREEK_PAGE).text, "html.parser")
    assert [link["hreflang"] for link in soup.select(".caption-downloads a")] == ["el"]
    assert "cc_lang_pref=el" in soup.find(attrs={"data-player-url": True})["data-player-url"]
