"""Chapters: the editor types them once in the page editor; readers in every language jump to
them from the episode page, the JSON-LD and the API; translators translate only the titles."""

import json
import re

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset
from wagtail.users.models import UserProfile
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from livecasts.chapters import format_time, parse_time
from livecasts.models import EpisodeChapter, EpisodePage
from tests.admin_forms import episode_edit_form
from tests.factories import PersonFactory
from tests.translation_fixtures import (
    add_episode,
    locale,
    publish_translation,
    start_translation,
)

pytestmark = pytest.mark.django_db

RECORDING = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
PAGE = "/en/infected-cities/warsaw/"
GREEK_PAGE = "/el/infected-cities/warsaw/"


@pytest.fixture
def episode(series):
    episode = add_episode(series, 13, "Warsaw", paragraphs=[])
    episode.recording_url = RECORDING
    episode.speakers.create(person=PersonFactory(name="Sample Ewa Nowak"), role="Host")
    episode.save_revision().publish()
    return EpisodePage.objects.get(pk=episode.pk)


def editor_form(episode, chapters, publish=True):
    """The page editor's form for `episode` with `chapters` as (start, title, person id or "")
    or dicts with the chapter's `id` for existing ones."""
    return episode_edit_form(
        episode,
        publish,
        chapters=inline_formset(
            [chapter_form(chapter) for chapter in chapters],
            initial=sum(1 for chapter in chapters if isinstance(chapter, dict)),
        ),
    )


def chapter_form(chapter):
    if isinstance(chapter, dict):
        return chapter
    start, title, person = chapter
    return {"start": start, "title": title, "person": person}


def post_edit(client, user, episode, chapters):
    client.force_login(user)
    return client.post(
        reverse("wagtailadmin_pages:edit", args=[episode.pk]), editor_form(episode, chapters)
    )


def speaker_id(episode):
    return episode.speakers.get().person_id


def chapter_list(client, url):
    soup = BeautifulSoup(client.get(url).text, "html.parser")
    nav = soup.find("nav", class_="chapters")
    assert nav is not None, "no chapters on the page"
    return [
        (
            link.find("time").get_text(strip=True),
            link.find(class_="chapters__title").get_text(strip=True),
            link["href"],
        )
        for link in nav.find_all("a")
    ]


def json_ld_event(client, url):
    text = client.get(url).text
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
    (event,) = [item for block in blocks for item in json.loads(block) if item["@type"] == "Event"]
    return event


def with_chapters(client, admin_user, episode):
    response = post_edit(
        client,
        admin_user,
        episode,
        [
            ("0:00", "Welcome (sample chapter)", ""),
            ("12:05", "The city rebuilt", speaker_id(episode)),
            ("1:05:30", "Questions", ""),
        ],
    )
    assert response.status_code == 302, response.context["form"].errors
    return EpisodePage.objects.get(pk=episode.pk)


@pytest.mark.parametrize(
    ("typed", "seconds", "shown"),
    [("0:00", 0, "0:00"), ("12:05", 725, "12:05"), ("1:05:30", 3930, "1:05:30")],
)
def test_times_typed_as_hours_minutes_seconds_are_kept_as_seconds(typed, seconds, shown):
    assert parse_time(typed) == seconds
    assert format_time(seconds) == shown


@pytest.mark.parametrize("typed", ["1:75", "75", "1:60:00", "a:bc", "-1:00", "1:2"])
def test_malformed_times_are_refused(typed):
    with pytest.raises(ValueError):
        parse_time(typed)


def test_editor_adds_chapters_and_readers_jump_to_them(client, admin_user, episode):
    with_chapters(client, admin_user, episode)
    client.logout()

    assert chapter_list(client, PAGE) == [
        ("0:00", "Welcome (sample chapter)", f"{RECORDING}&t=0s"),
        ("12:05", "The city rebuilt", f"{RECORDING}&t=725s"),
        ("1:05:30", "Questions", f"{RECORDING}&t=3930s"),
    ]
    soup = BeautifulSoup(client.get(PAGE).text, "html.parser")
    second = soup.select(".chapters__link")[1]
    assert second.find(class_="chapters__speaker").get_text(strip=True) == "Sample Ewa Nowak"
    assert second["data-chapter-player-url"].endswith("&start=725")
    # No request to YouTube before play: the embed address is only in data attributes.
    assert "<iframe" not in str(soup.find("section", class_="broadcast"))


@pytest.mark.parametrize(
    ("chapters", "message"),
    [
        ([("0:00", "Opening", ""), ("1:35:00", "Too late", "")], "after the end of the recording"),
        ([("10:00", "Second", ""), ("5:00", "First", "")], "Chapters must be in order"),
        ([("5:00", "One", ""), ("5:00", "Two", "")], "Another chapter already starts at 5:00"),
        ([("1:75", "Malformed", "")], "Enter the time as hours:minutes:seconds"),
    ],
)
def test_bad_chapters_are_explained_and_what_was_typed_is_kept(
    client, admin_user, episode, chapters, message
):
    response = post_edit(client, admin_user, episode, chapters)

    assert response.status_code == 200
    assert message in response.text
    for start, title, _person in chapters:
        assert f'value="{start}"' in response.text
        assert f'value="{title}"' in response.text
    assert not EpisodeChapter.objects.filter(page__translation_key=episode.translation_key)


def test_a_chapter_speaker_must_speak_in_the_episode(client, admin_user, episode):
    stranger = PersonFactory(name="Sample Stranger")
    response = post_edit(client, admin_user, episode, [("0:00", "Opening", stranger.pk)])

    assert response.status_code == 200
    assert "Choose one of the speakers listed for this episode" in response.text


def test_greek_editor_reads_the_message_in_greek(client, admin_user, episode):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "el"
    profile.save()
    response = post_edit(client, admin_user, episode, [("1:75", "Malformed", "")])

    assert response.status_code == 200
    assert "ώρες:λεπτά:δευτερόλεπτα" in response.text


def test_markup_in_a_title_is_shown_as_text(client, admin_user, episode):
    post_edit(client, admin_user, episode, [("0:00", "<b>Opening</b> & <script>x</script>", "")])
    client.logout()

    text = client.get(PAGE).text
    assert "&lt;b&gt;Opening&lt;/b&gt; &amp; &lt;script&gt;x&lt;/script&gt;" in text
    assert "<b>Opening</b>" not in text


def test_json_ld_lists_chapters_as_clips_of_the_recording(client, admin_user, episode):
    with_chapters(client, admin_user, episode)
    client.logout()

    video = json_ld_event(client, PAGE)["recordedIn"]
    assert video["@type"] == "VideoObject"
    assert [
        (clip["@type"], clip["name"], clip["startOffset"], clip["endOffset"], clip["url"])
        for clip in video["hasPart"]
    ] == [
        ("Clip", "Welcome (sample chapter)", 0, 725, f"{RECORDING}&t=0s"),
        ("Clip", "The city rebuilt", 725, 3930, f"{RECORDING}&t=725s"),
        ("Clip", "Questions", 3930, 5400, f"{RECORDING}&t=3930s"),  # ends with the episode
    ]


def test_api_lists_chapters_in_seconds_with_speakers(client, admin_user, episode):
    episode = with_chapters(client, admin_user, episode)
    client.logout()

    data = client.get(f"/api/v2/pages/{episode.pk}/").json()
    assert [(c["start"], c["title"], c["speaker"]) for c in data["chapters"]] == [
        (0, "Welcome (sample chapter)", None),
        (725, "The city rebuilt", "Sample Ewa Nowak"),
        (3930, "Questions", None),
    ]
    listing = client.get(
        "/api/v2/pages/", {"type": "livecasts.EpisodePage", "fields": "chapters"}
    ).json()
    assert [c["start"] for c in listing["items"][0]["chapters"]] == [0, 725, 3930]


def translate_titles(translation, greek_titles):
    """The translator's work: each chapter title segment gets its Greek text."""
    for segment in StringSegment.objects.filter(source=translation.source).select_related(
        "string", "context"
    ):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            defaults={"data": greek_titles.get(segment.string.data, f"[el] {segment.string.data}")},
        )


GREEK_TITLES = {
    "Welcome (sample chapter)": "Καλωσόρισμα (δείγμα κεφαλαίου)",
    "The city rebuilt": "Η πόλη ξαναχτίστηκε",
    "Questions": "Ερωτήσεις",
}


def test_translators_translate_titles_while_times_follow_the_source(
    client, admin_user, episode, django_capture_on_commit_callbacks
):
    episode = with_chapters(client, admin_user, episode)
    translation = start_translation(episode, "el")
    chapter_segments = [
        segment.string.data
        for segment in StringSegment.objects.filter(source=translation.source).select_related(
            "string", "context"
        )
        if segment.context.path.startswith("chapters.")
    ]
    assert chapter_segments == list(GREEK_TITLES)  # titles only: no time, no speaker
    translate_titles(translation, GREEK_TITLES)
    publish_translation(translation, django_capture_on_commit_callbacks)

    greek = chapter_list(client, GREEK_PAGE)
    assert [(time, title) for time, title, _href in greek] == [
        ("0:00", "Καλωσόρισμα (δείγμα κεφαλαίου)"),
        ("12:05", "Η πόλη ξαναχτίστηκε"),
        ("1:05:30", "Ερωτήσεις"),
    ]

    # The editor moves the second chapter in English; "Sync translated pages" brings the new
    # time to Greek, and the titles keep their translations.
    chapters = list(episode.chapters.all())
    moved = [
        {
            "id": chapter.pk,
            "start": format_time(chapter.start),
            "title": chapter.title,
            "person": chapter.person_id or "",
        }
        for chapter in chapters
    ]
    moved[1]["start"] = "15:00"
    response = post_edit(client, admin_user, episode, moved)
    assert response.status_code == 302, response.context["form"].errors
    source = TranslationSource.objects.get_for_instance(episode)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtail_localize:update_translations", args=[source.pk]),
            {"publish_translations": "on"},
        )
    assert response.status_code == 302
    client.logout()

    greek = chapter_list(client, GREEK_PAGE)
    assert [(time, title) for time, title, _href in greek] == [
        ("0:00", "Καλωσόρισμα (δείγμα κεφαλαίου)"),
        ("15:00", "Η πόλη ξαναχτίστηκε"),
        ("1:05:30", "Ερωτήσεις"),
    ]
    greek_episode = episode.get_translation(locale("el"))
    data = client.get(f"/api/v2/pages/{greek_episode.pk}/").json()
    assert [(c["start"], c["title"]) for c in data["chapters"]][1] == (900, "Η πόλη ξαναχτίστηκε")
    clips = json_ld_event(client, GREEK_PAGE)["recordedIn"]["hasPart"]
    assert clips[1]["name"] == "Η πόλη ξαναχτίστηκε"
    assert (clips[1]["startOffset"], clips[1]["endOffset"]) == (900, 3930)


@pytest.mark.parametrize(
    ("language", "first_title"),
    [
        ("en", "Sample chapter: welcome and introductions"),
        ("nl", "Voorbeeldhoofdstuk: welkom en kennismaking"),
        ("fr", "Exemple de chapitre\u00a0: accueil et présentations"),
        ("el", "Δείγμα κεφαλαίου: καλωσόρισμα και συστάσεις"),
        ("pl", "Przykładowy rozdział: powitanie i przedstawienie gości"),
        ("es", "Capítulo de muestra: bienvenida y presentaciones"),
    ],
)
def test_demo_recording_has_sample_chapters_in_every_language(demo, client, language, first_title):
    chapters = chapter_list(client, f"/{language}/infected-cities/paris/")

    assert [time for time, _title, _href in chapters] == ["0:00", "2:30", "6:40", "9:00"]
    assert chapters[0][1] == first_title
    assert chapters[1][2] == "https://www.youtube.com/watch?v=aqz-KE-bpKQ&t=150s"


def test_a_moved_chapter_reaches_live_translations_on_publish_like_other_facts(
    client, admin_user, episode, django_capture_on_commit_callbacks
):
    episode = with_chapters(client, admin_user, episode)
    translation = start_translation(episode, "el")
    translate_titles(translation, GREEK_TITLES)
    publish_translation(translation, django_capture_on_commit_callbacks)

    moved = [
        {
            "id": chapter.pk,
            "start": "20:00" if chapter.start == 725 else format_time(chapter.start),
            "title": chapter.title,
            "person": chapter.person_id or "",
        }
        for chapter in episode.chapters.all()
    ]
    assert post_edit(client, admin_user, episode, moved).status_code == 302
    client.logout()

    greek = chapter_list(client, GREEK_PAGE)  # no sync: the facts moved on publish
    assert greek[1][:2] == ("20:00", "Η πόλη ξαναχτίστηκε")
    # The translator's next publish builds from the stored source: the new time stays.
    publish_translation(
        Translation.objects.get(pk=translation.pk), django_capture_on_commit_callbacks
    )
    assert chapter_list(client, GREEK_PAGE)[1][:2] == ("20:00", "Η πόλη ξαναχτίστηκε")


def test_search_finds_an_episode_by_a_chapter_title(client, admin_user, episode):
    with_chapters(client, admin_user, episode)
    client.logout()

    results = BeautifulSoup(client.get("/en/search/", {"q": "rebuilt"}).text, "html.parser")
    assert results.find("main").find("a", href=PAGE) is not None


def test_translation_editor_offers_each_chapter_title_to_translate(client, admin_user, episode):
    episode = with_chapters(client, admin_user, episode)
    start_translation(episode, "el")
    greek = episode.get_translation(locale("el"))

    response = client.get(reverse("wagtailadmin_pages:edit", args=[greek.pk]))

    assert response.status_code == 200
    for title in GREEK_TITLES:
        assert title in response.text
    assert "1:05:30" not in response.text  # times are not for translators
