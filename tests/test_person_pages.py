"""Each person has a page in every language they exist in: who they are, their website and the
episodes they spoke in, linked from every speaker list, in the sitemap and the API."""

import datetime
import json
import re
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.models import Locale

from livecasts.models import EpisodeSpeaker, PeopleIndexPage
from tests.factories import (
    CityFactory,
    EpisodePageFactory,
    EpisodeSpeakerFactory,
    ImageFactory,
    PersonFactory,
    SeriesPageFactory,
    home_page,
    publish,
)
from tests.fixtures_content import translate_page, translate_snippet

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "nl", "fr", "el", "pl", "es"]
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def greek():
    return Locale.objects.get(language_code="el")


def speak(episode, person, role):
    EpisodeSpeakerFactory(page=episode, person=person, role=role)


@pytest.fixture
def people():
    """Ada speaks in two series, in Paris (English only) and in Athens (also in Greek); Ada has a
    Greek record. Bo exists in English only and speaks in Athens too."""
    index = PeopleIndexPage(title="People", slug="people")
    home_page().add_child(instance=index)
    publish(index)
    translate_page(index, greek(), title="Πρόσωπα")
    ada = PersonFactory(
        name="Ada Sample",
        profession="Urban researcher (sample profile)",
        bio="Ada studies how festivals change squares.",
        website="https://ada.example.org/",
        photo=ImageFactory(),
    )
    bo = PersonFactory(name="Bo Sample", profession="Curator (sample profile)")
    ada_el = translate_snippet(ada, greek(), name="Άντα Δείγμα", bio="Η Άντα μελετά τις πλατείες.")
    paris_series = publish(SeriesPageFactory(parent=home_page(), title="Infected Cities"))
    athens_series = publish(SeriesPageFactory(parent=home_page(), title="Open Squares"))
    athens_city = CityFactory(name="Athens", country="Greece")
    translate_snippet(athens_city, greek(), name="Αθήνα", country="Ελλάδα")
    paris = EpisodePageFactory(
        parent=paris_series,
        title="Paris talks",
        city=CityFactory(name="Paris", country="France"),
        date=datetime.date(2020, 12, 10),
    )
    athens = EpisodePageFactory(
        parent=athens_series, title="Athens talks", city=athens_city, date=datetime.date(2021, 1, 7)
    )
    speak(paris, ada, "Moderator")
    speak(athens, ada, "Guest")
    speak(athens, bo, "Host")
    paris, athens = publish(paris), publish(athens)
    translate_page(athens_series, greek(), title="Ανοιχτές πλατείες")
    athens_el = translate_page(athens, greek(), title="Συζητήσεις στην Αθήνα")
    EpisodeSpeaker.objects.filter(page=athens_el, role="Guest").update(role="Καλεσμένη")
    return SimpleNamespace(ada=ada, ada_el=ada_el, bo=bo, paris=paris, athens=athens, el=athens_el)


def json_ld_of(text, kind):
    found = [item for script in JSON_LD.findall(text) for item in json.loads(script)]
    return next(item for item in found if item["@type"] == kind)


def test_person_page_shows_who_they_are_and_every_episode_with_their_role(client, people):
    response = client.get("/en/people/ada-sample/")

    assert response.status_code == 200
    text = response.text
    assert '<h1>Ada Sample <span class="badge">sample</span></h1>' in text
    assert "Urban researcher (sample profile)" in text
    assert "Ada studies how festivals change squares." in text
    assert '<a href="https://ada.example.org/" rel="nofollow noopener">' in text
    assert "invented sample speaker" in text
    assert text.index("Athens talks") < text.index("Paris talks")  # newest first
    assert f'<a href="{people.paris.url}">Paris talks</a>' in text
    assert "Moderator" in text and "Guest" in text


def test_greek_page_lists_greek_episodes_and_marks_the_english_one(client, people):
    text = client.get("/el/people/ada-sample/").text

    assert '<html lang="el"' in text
    assert "<h1>Άντα Δείγμα" in text and "Η Άντα μελετά τις πλατείες." in text
    assert f'<a href="{people.el.url}">Συζητήσεις στην Αθήνα</a>' in text
    assert "<span>Καλεσμένη</span>" in text
    assert "<span>Αθήνα</span>" in text
    # Paris is not translated: its title and the role written there stay English, marked so.
    assert f'<a href="{people.paris.url}" lang="en" hreflang="en">Paris talks</a>' in text
    assert '<span lang="en">Moderator</span>' in text


def test_episode_speaker_lists_link_to_each_persons_page_in_its_language(client, people):
    greek_episode = client.get(people.el.url).text
    english_episode = client.get(people.athens.url).text

    assert '<a href="/el/people/ada-sample/">Άντα Δείγμα</a>' in greek_episode
    # Bo has no Greek record: his name and link lead to his English page, marked as English.
    assert '<span lang="en"><a href="/en/people/bo-sample/" hreflang="en">Bo Sample</a>' in (
        greek_episode
    )
    assert '<a href="/en/people/ada-sample/">Ada Sample</a>' in english_episode


def test_a_person_missing_in_a_language_is_a_helpful_404(client, people):
    response = client.get("/el/people/bo-sample/")

    assert response.status_code == 404
    assert '<a href="/en/people/bo-sample/" hreflang="en">English: Bo Sample</a>' in response.text
    assert client.get("/en/people/nobody-at-all/").status_code == 404


def test_a_draft_or_unpublished_person_has_no_page_and_no_link(client, people):
    people.ada_el.live = False
    people.ada_el.save()
    draft = PersonFactory(name="Cy Draft", live=False)
    speak(people.paris, draft, "Guest")

    assert client.get("/el/people/ada-sample/").status_code == 404
    assert client.get("/en/people/cy-draft/").status_code == 404
    assert client.get("/en/people/ada-sample/").status_code == 200
    assert "Cy Draft" not in client.get("/en/people/").text
    assert 'href="/en/people/cy-draft/"' not in client.get(people.paris.url).text


def test_index_lists_everyone_in_the_readers_language_where_they_have_a_record(client, people):
    text = client.get("/el/people/").text

    assert '<a href="/el/people/ada-sample/">Άντα Δείγμα</a>' in text
    assert '<a href="/en/people/bo-sample/" hreflang="en">Bo Sample</a>' in text
    assert text.count('<span class="badge">δείγμα</span>') == 2


def test_person_json_ld_describes_the_person(client, people):
    person = json_ld_of(client.get("/en/people/ada-sample/").text, "Person")

    assert person["name"] == "Ada Sample"
    assert person["jobTitle"] == "Urban researcher (sample profile)"
    assert person["description"] == "Ada studies how festivals change squares."
    assert person["url"] == "http://localhost/en/people/ada-sample/"
    assert person["sameAs"] == "https://ada.example.org/"
    assert person["image"].startswith("http://localhost/") and person["image"].endswith(".jpg")


def test_alternates_and_switcher_follow_the_languages_the_person_exists_in(client, people):
    text = client.get("/el/people/ada-sample/").text

    assert '<link rel="canonical" href="http://localhost/el/people/ada-sample/">' in text
    alternates = re.findall(r'<link rel="alternate" hreflang="([\w-]+)"', text)
    assert alternates == ["en", "el", "x-default"]
    assert '<span class="language-switcher__missing" lang="nl">Nederlands</span>' in text
    assert 'lang="en" hreflang="en"' in text.split('class="language-switcher"')[1]


def test_sitemap_lists_a_person_only_in_their_languages(client, people):
    greek_section = client.get("/sitemap-el.xml").text
    english_section = client.get("/sitemap-en.xml").text

    assert "<loc>http://localhost/el/people/ada-sample/</loc>" in greek_section
    assert "/el/people/bo-sample/" not in greek_section
    assert "<loc>http://localhost/en/people/bo-sample/</loc>" in english_section


def test_api_gives_speakers_bio_website_and_page(client, people):
    data = client.get(f"/api/v2/pages/{people.el.pk}/").json()

    ada, bo = sorted(data["speakers"], key=lambda speaker: speaker["name"])[::-1]
    assert ada["name"] == "Άντα Δείγμα" and ada["bio"] == "Η Άντα μελετά τις πλατείες."
    assert ada["website"] == "https://ada.example.org/"
    assert ada["html_url"] == "http://localhost/el/people/ada-sample/"
    assert bo["html_url"] == "http://localhost/en/people/bo-sample/"
    index = client.get("/api/v2/pages/?type=livecasts.PeopleIndexPage&locale=en&fields=people")
    (listed,) = index.json()["items"]
    assert [person["name"] for person in listed["people"]] == ["Ada Sample", "Bo Sample"]


def test_hostile_bio_is_text_and_a_script_address_is_refused(client, people):
    people.ada.bio = "<script>alert('bio')</script>"
    people.ada.save()
    people.ada.website = "javascript:alert(1)"
    with pytest.raises(ValidationError) as refused:
        people.ada.full_clean()
    assert "website" in refused.value.error_dict
    people.ada.save()  # as if it came by a path that skips the form

    text = client.get("/en/people/ada-sample/").text
    assert "&lt;script&gt;alert(&#x27;bio&#x27;)&lt;/script&gt;" in text
    assert "<script>alert" not in text and "javascript:" not in text
    assert "sameAs" not in json_ld_of(text, "Person")


def test_a_published_bio_edit_shows_at_the_next_request(client, people, settings):
    settings.PAGE_CACHE_SECONDS = 300
    assert "festivals" in client.get("/en/people/ada-sample/").text
    assert client.get("/en/people/ada-sample/")["X-Page-Cache"] == "hit"

    people.ada.bio = "Ada now writes about markets."
    people.ada.save_revision().publish()

    assert "Ada now writes about markets." in client.get("/en/people/ada-sample/").text


def test_slugs_are_shared_by_translations_and_unique_between_people(people):
    namesake = PersonFactory(name="Ada Sample")
    greek_only = PersonFactory(name="Ζωή Παπά", locale=greek())

    assert people.ada_el.slug == people.ada.slug == "ada-sample"
    assert namesake.slug == "ada-sample-2"
    assert greek_only.slug == "zoi-papa"  # Latin letters, as anyascii spells Greek


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_demo_language_has_people_pages(demo, client, language):
    index = client.get(f"/{language}/people/")
    person = client.get(f"/{language}/people/sample-speaker-from-athens/")

    assert index.status_code == person.status_code == 200
    assert index.text.count('class="person"') == 5
    assert f'<html lang="{language}"' in person.text
    assert f'href="/{language}/infected-cities/athens/"' in person.text
    assert person.text.count('<span class="badge">') >= 1
    assert json_ld_of(person.text, "Person")["url"].endswith(
        f"/{language}/people/sample-speaker-from-athens/"
    )


PURGED = set()


class RecordingBackend(BaseBackend):
    """A CDN that notes what it is asked to purge."""

    def purge(self, url):
        PURGED.add(url)


def test_publishing_or_unpublishing_a_person_purges_what_shows_them_from_the_cdn(
    people, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {"cdn": {"BACKEND": f"{__name__}.RecordingBackend"}}
    PURGED.clear()
    with django_capture_on_commit_callbacks(execute=True):
        people.ada.save_revision().publish()
    published = set(PURGED)
    PURGED.clear()
    with django_capture_on_commit_callbacks(execute=True):
        people.ada_el.save_revision().publish()
        people.ada_el.unpublish()

    pages = {
        f"http://localhost/{code}/people/{path}"
        for code in ("en", "el")
        for path in ("", "ada-sample/")
    }
    episodes = {page.full_url for page in (people.paris, people.athens, people.el)}
    assert pages | episodes <= published
    assert "http://localhost/el/people/ada-sample/" in PURGED
