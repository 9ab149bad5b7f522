"""A recorded episode in the series feeds (its length, its recording, its Podcasting 2.0 chapters
file) as podcast and video apps read them, the chapters file itself, and the chapters a person
speaks in, listed on their page."""

import io
import json
import xml.etree.ElementTree as ET

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from livecasts.models import EpisodeChapter, EpisodePage, PeopleIndexPage
from tests.factories import PersonFactory, home_page, publish
from tests.fixtures_content import translate_page
from tests.test_chapters import (
    GREEK_TITLES,
    RECORDING,
    post_edit,
    translate_titles,
    with_chapters,
)
from tests.translation_fixtures import (
    add_episode,
    fill,
    locale,
    publish_translation,
    start_translation,
)

pytestmark = pytest.mark.django_db

HOST = "citymakers.example"
SITE = f"https://{HOST}"
PODCAST = "{https://podcastindex.org/namespace/1.0}"
ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"
MEDIA = "{http://search.yahoo.com/mrss/}"
WARSAW = "/en/infected-cities/warsaw/"
CHAPTERS = f"{WARSAW}chapters.json"


@pytest.fixture
def recorded(client, admin_user, series):
    """Warsaw (13) was recorded and has chapters; Lisbon (14) was recorded and has none;
    Vilnius (15) has no recording. All three have taken place."""
    call_command("configure_site", url=SITE, stdout=io.StringIO())
    warsaw = add_episode(series, 13, "Warsaw", paragraphs=[])
    warsaw.recording_url = RECORDING
    warsaw.speakers.create(person=PersonFactory(name="Sample Ewa Nowak"), role="Host")
    warsaw.save_revision().publish()
    warsaw = with_chapters(client, admin_user, EpisodePage.objects.get(pk=warsaw.pk))
    client.logout()
    lisbon = add_episode(series, 14, "Lisbon", paragraphs=[])
    lisbon.recording_url = "https://vimeo.com/76979871"
    publish(lisbon)
    add_episode(series, 15, "Vilnius", paragraphs=[])
    return warsaw


def get(client, url):
    return client.get(url, HTTP_HOST=HOST)


def parsed(client, url):
    response = get(client, url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return {entry.title: entry for entry in feed.entries}, response


def xml_items(response, tag):
    """{title: element} of the feed's items (RSS) or entries (Atom), read as plain XML."""
    root = ET.fromstring(response.content)
    atom = "{http://www.w3.org/2005/Atom}"
    if tag == "item":
        return {item.findtext("title"): item for item in root.iter("item")}
    return {entry.findtext(f"{atom}title"): entry for entry in root.iter(f"{atom}entry")}


def test_rss_item_of_a_recorded_episode_gives_length_recording_and_chapters(client, recorded):
    entries, response = parsed(client, "/en/infected-cities/feed/rss/")
    warsaw = entries["Warsaw"]

    assert warsaw.podcast_chapters == {
        "url": f"{SITE}{CHAPTERS}",
        "type": "application/json+chapters",
    }
    assert warsaw.itunes_duration == "5400"
    assert warsaw.media_player["url"] == RECORDING
    assert warsaw.media_content == [{"medium": "video", "duration": "5400"}]
    assert not any(link.rel == "enclosure" for link in warsaw.links)  # a page is no media file

    item = xml_items(response, "item")["Warsaw"]
    (chapters,) = item.findall(f"{PODCAST}chapters")
    assert chapters.attrib == {"url": f"{SITE}{CHAPTERS}", "type": "application/json+chapters"}
    assert item.findtext(f"{ITUNES}duration") == "5400"
    assert item.find(f"{MEDIA}content/{MEDIA}player").attrib == {"url": RECORDING}


def test_recorded_episode_without_chapters_has_no_chapters_file_and_others_no_recording(
    client, recorded
):
    entries, response = parsed(client, "/en/infected-cities/feed/rss/")

    lisbon, vilnius = entries["Lisbon"], entries["Vilnius"]
    assert "podcast_chapters" not in lisbon
    assert lisbon.media_player["url"] == "https://vimeo.com/76979871"
    assert lisbon.itunes_duration == "5400"
    for key in ("podcast_chapters", "itunes_duration", "media_player", "media_content"):
        assert key not in vilnius
    items = xml_items(response, "item")
    assert items["Lisbon"].find(f"{PODCAST}chapters") is None
    assert list(items["Vilnius"].iter(f"{MEDIA}content")) == []


def test_an_episode_still_to_come_offers_no_recording(client, recorded, series):
    later = add_episode(series, 16, "Riga", paragraphs=[])
    later.date = later.date.replace(year=2099)
    later.recording_url = RECORDING
    publish(later)

    entries, _response = parsed(client, "/en/infected-cities/feed/rss/")

    assert "media_player" not in entries["Riga"]
    assert "itunes_duration" not in entries["Riga"]


def test_atom_entry_links_to_the_recording_and_its_chapters(client, recorded):
    entries, response = parsed(client, "/en/infected-cities/feed/atom/")

    warsaw = entries["Warsaw"]
    assert [link.href for link in warsaw.links if link.rel == "related"] == [RECORDING]
    assert warsaw.podcast_chapters["url"] == f"{SITE}{CHAPTERS}"
    assert warsaw.media_player["url"] == RECORDING
    assert not [link for link in entries["Vilnius"].links if link.rel == "related"]
    entry = xml_items(response, "entry")["Warsaw"]
    assert entry.find(f"{PODCAST}chapters").attrib["type"] == "application/json+chapters"


def test_chapters_file_follows_the_json_chapters_format(client, recorded):
    response = get(client, CHAPTERS)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json+chapters"
    assert "public" in response["Cache-Control"]
    assert json.loads(response.content) == {
        "version": "1.2.0",
        "title": "Warsaw",
        "chapters": [
            {"startTime": 0, "endTime": 725, "title": "Welcome (sample chapter)"},
            {"startTime": 725, "endTime": 3930, "title": "The city rebuilt"},
            {"startTime": 3930, "endTime": 5400, "title": "Questions"},
        ],
    }


def test_chapter_titles_are_data(client, admin_user, recorded):
    chapter = recorded.chapters.get(start=725)
    EpisodeChapter.objects.filter(pk=chapter.pk).update(title='</script><b>"Bold"</b> & co')
    publish(recorded)

    data = json.loads(get(client, CHAPTERS).content)

    assert data["chapters"][1]["title"] == '</script><b>"Bold"</b> & co'


def test_greek_chapters_file_has_the_translated_titles(
    client, recorded, django_capture_on_commit_callbacks
):
    translation = start_translation(recorded, "el")
    translate_titles(translation, GREEK_TITLES)
    publish_translation(translation, django_capture_on_commit_callbacks)

    response = get(client, "/el/infected-cities/warsaw/chapters.json")

    assert response.status_code == 200
    titles = [chapter["title"] for chapter in json.loads(response.content)["chapters"]]
    assert titles == list(GREEK_TITLES.values())
    entries, _response = parsed(client, "/el/infected-cities/feed/rss/")
    (warsaw,) = [entry for entry in entries.values() if entry.link.endswith("/warsaw/")]
    assert warsaw.podcast_chapters["url"] == f"{SITE}/el/infected-cities/warsaw/chapters.json"


def test_an_episode_without_chapters_has_no_chapters_file_in_any_language(
    client, recorded, django_capture_on_commit_callbacks
):
    translation = start_translation(EpisodePage.objects.get(slug="lisbon"), "el")
    fill(translation)
    publish_translation(translation, django_capture_on_commit_callbacks)
    assert get(client, "/el/infected-cities/lisbon/").status_code == 200

    for language in ("en", "el"):
        response = get(client, f"/{language}/infected-cities/lisbon/chapters.json")

        assert response.status_code == 404
        assert BeautifulSoup(response.content, "html.parser").html["lang"] == language


def test_a_draft_or_private_episode_gives_out_no_chapters(client, recorded):
    restriction = PageViewRestriction.objects.create(
        page=recorded, restriction_type=PageViewRestriction.PASSWORD, password="sample"
    )
    response = get(client, CHAPTERS)
    assert response["Content-Type"] != "application/json+chapters"
    assert b"The city rebuilt" not in response.content

    restriction.delete()
    recorded.unpublish()
    assert get(client, CHAPTERS).status_code == 404


# The person page: the chapters a person speaks in.


@pytest.fixture
def speakers(recorded):
    """Ewa hosts Warsaw and speaks in its second chapter; Jan speaks in its third."""
    index = PeopleIndexPage(title="People", slug="people")
    home_page().add_child(instance=index)
    publish(index)
    translate_page(index, locale("el"), title="Πρόσωπα")
    ewa = recorded.speakers.get().person
    jan = PersonFactory(name="Sample Jan Kowalski")
    recorded.speakers.create(person=jan, role="Guest")
    recorded.chapters.filter(start=3930).update(person=jan)
    publish(recorded)
    return ewa, jan


def spoken_chapters(client, url):
    soup = BeautifulSoup(get(client, url).content, "html.parser")
    return [
        (link.find("time").get_text(strip=True), link.get_text(" ", strip=True), link["href"])
        for chapters in soup.select(".person-episodes__chapters")
        for link in chapters.find_all("a")
    ]


def test_person_page_links_to_the_chapters_the_person_speaks_in(client, speakers):
    ewa, jan = speakers

    assert spoken_chapters(client, f"/en/people/{ewa.slug}/") == [
        ("12:05", "12:05 The city rebuilt", f"{WARSAW}#chapter-725")
    ]
    assert spoken_chapters(client, f"/en/people/{jan.slug}/") == [
        ("1:05:30", "1:05:30 Questions", f"{WARSAW}#chapter-3930")
    ]
    episode_page = BeautifulSoup(get(client, WARSAW).content, "html.parser")
    assert "The city rebuilt" in episode_page.find(id="chapter-725").get_text()


def test_greek_person_page_links_to_the_greek_chapters(
    client, recorded, speakers, django_capture_on_commit_callbacks
):
    ewa, _jan = speakers
    translation = start_translation(recorded, "el")  # also makes draft Greek records of people
    translate_titles(translation, GREEK_TITLES)
    publish_translation(translation, django_capture_on_commit_callbacks)
    greek_ewa = ewa.get_translation(locale("el"))
    greek_ewa.name = "Δείγμα Έβα Νόβακ"
    greek_ewa.save_revision().publish()

    assert spoken_chapters(client, f"/el/people/{ewa.slug}/") == [
        ("12:05", "12:05 Η πόλη ξαναχτίστηκε", "/el/infected-cities/warsaw/#chapter-725")
    ]


def test_cached_feed_and_chapters_file_show_chapters_published_since(
    client, admin_user, recorded, settings
):
    settings.PAGE_CACHE_SECONDS = 300
    lisbon = EpisodePage.objects.get(slug="lisbon")
    assert get(client, "/en/infected-cities/lisbon/chapters.json").status_code == 404
    entries, _response = parsed(client, "/en/infected-cities/feed/rss/")
    assert "podcast_chapters" not in entries["Lisbon"]

    response = post_edit(client, admin_user, lisbon, [("0:00", "Welcome (sample chapter)", "")])
    assert response.status_code == 302
    client.logout()

    entries, _response = parsed(client, "/en/infected-cities/feed/rss/")
    assert entries["Lisbon"].podcast_chapters["url"] == (
        f"{SITE}/en/infected-cities/lisbon/chapters.json"
    )
    response = get(client, "/en/infected-cities/lisbon/chapters.json")
    assert response.status_code == 200
    assert json.loads(response.content)["chapters"][0]["title"] == "Welcome (sample chapter)"


def test_rss_item_points_at_the_transcript_captions_in_the_feeds_language(client, recorded):
    recorded.transcript_lines.create(start=0, text="Sample line: welcome to the livecast.")
    recorded.save_revision().publish()

    entries, response = parsed(client, "/en/infected-cities/feed/rss/")

    item = xml_items(response, "item")
    (transcript,) = item["Warsaw"].findall(f"{PODCAST}transcript")
    captions = f"{WARSAW}captions/en.vtt"
    assert transcript.attrib == {
        "url": f"{SITE}{captions}",
        "type": "text/vtt",
        "language": "en",
        "rel": "captions",
    }
    assert item["Lisbon"].find(f"{PODCAST}transcript") is None  # no transcript, no captions
    served = get(client, captions)
    assert served["Content-Type"] == "text/vtt; charset=utf-8"
    assert "Sample line: welcome to the livecast." in served.content.decode()
