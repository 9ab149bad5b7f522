"""The headless API costs the same number of queries however many episodes, speakers and
organisations it lists, in every language."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.text import slugify
from wagtail.models import Locale
from wagtail.signal_handlers import disable_reference_index_auto_update

from livecasts.models import (
    EpisodeChapter,
    EpisodeOrganisation,
    OrganisationIndexPage,
    OrganisationPage,
)
from tests.factories import (
    CityFactory,
    EpisodePageFactory,
    EpisodeSpeakerFactory,
    PersonFactory,
    SeriesPageFactory,
    home_page,
)
from tests.fixtures_content import translate_snippet

pytestmark = pytest.mark.django_db

QUERY_BUDGET = 8
# Wagtail's detail reads the page, then its specific type, and checks its parent is public (two).
DETAIL_QUERY_BUDGET = 9
FIELDS = "speakers,organisations,city,schedule"
# The chapters are one more table, read once for the whole listing; the total the listing
# reports is counted once per content change, which leaves room for it.
CHAPTERS_QUERY_BUDGET = QUERY_BUDGET


def listing_url(language, fields=FIELDS):
    return f"/api/v2/pages/?type=livecasts.EpisodePage&locale={language}&fields={fields}&limit=20"


def queries_for(client, url):
    client.get(url)  # the first request warms per-process caches (site root paths)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return len(captured)


def greek():
    return Locale.objects.get(language_code="el")


def translate_page(page, **fields):
    """The page's Greek copy, made live without a revision (the API reads no revisions)."""
    translated = page.copy_for_translation(greek())
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.live = True
    translated.save()
    return translated


@pytest.fixture(autouse=True)
def _quick_content(settings):
    """Content made without updating the search and reference indexes, which the API does not
    read: most of the time these tests would otherwise spend."""
    settings.WAGTAILSEARCH_BACKENDS = {
        name: {**backend, "AUTO_UPDATE": False}
        for name, backend in settings.WAGTAILSEARCH_BACKENDS.items()
    }
    with disable_reference_index_auto_update():
        yield


@pytest.fixture
def programme():
    """A series and two organisations, in English and Greek."""
    index = OrganisationIndexPage(title="Organisations", slug="organisations")
    home_page().add_child(instance=index)
    translate_page(index)
    organisations = []
    for name in ("DutchCulture", "Pakhuis de Zwijger"):
        organisation = OrganisationPage(title=name, slug=slugify(name), description="A centre.")
        index.add_child(instance=organisation)
        translate_page(organisation, title=f"{name} (el)")
        organisations.append(organisation)
    series = SeriesPageFactory(parent=home_page())
    translate_page(series)
    return {"series": series, "organisations": organisations}


def add_episodes(programme, count, speakers, translated_people=True):
    """Episodes by language, each with a city, `speakers` people and both organisations, and
    translated into Greek with its city and people (unless `translated_people` is false: then
    the Greek episode falls back to the English people)."""
    episodes = {"en": [], "el": []}
    for _ in range(count):
        city = CityFactory()
        translate_snippet(city, greek(), name=f"{city.name} (el)")
        episode = EpisodePageFactory(parent=programme["series"], city=city)
        for position in range(speakers):
            person = PersonFactory()
            if translated_people:
                translate_snippet(person, greek(), name=f"{person.name} (el)")
            EpisodeSpeakerFactory(page=episode, person=person, sort_order=position)
        for organisation in programme["organisations"]:
            EpisodeOrganisation.objects.create(page=episode, organisation=organisation)
        for position, link in enumerate(episode.speakers.all()):
            EpisodeChapter.objects.create(
                page=episode, start=position * 60, title=f"Part {position}", person=link.person
            )
        episodes["en"].append(episode)
        episodes["el"].append(translate_page(episode, title=f"{episode.title} (el)"))
    return episodes


@pytest.mark.parametrize("language", ["en", "el"])
def test_episode_listing_costs_the_same_for_2_or_20_episodes_and_1_or_6_speakers(
    client, programme, language
):
    add_episodes(programme, 2, speakers=1)
    few = queries_for(client, listing_url(language))

    add_episodes(programme, 18, speakers=6)
    many = queries_for(client, listing_url(language))

    assert len(client.get(listing_url(language)).json()["items"]) == 20
    assert many == few
    assert many <= QUERY_BUDGET


@pytest.mark.parametrize("language", ["en", "el"])
def test_episode_detail_costs_the_same_for_1_or_6_speakers(client, programme, language):
    (one,) = add_episodes(programme, 1, speakers=1)[language]
    (six,) = add_episodes(programme, 1, speakers=6)[language]

    detail = queries_for(client, f"/api/v2/pages/{six.pk}/")

    assert detail == queries_for(client, f"/api/v2/pages/{one.pk}/")
    assert detail <= DETAIL_QUERY_BUDGET


def test_greek_listing_names_people_in_greek_and_falls_back_to_english(client, programme):
    (translated,) = add_episodes(programme, 1, speakers=2)["el"]
    (untranslated,) = add_episodes(programme, 1, speakers=1, translated_people=False)["el"]

    items = client.get(listing_url("el")).json()["items"]

    by_id = {item["id"]: item for item in items}
    assert [speaker["name"] for speaker in by_id[translated.pk]["speakers"]] == [
        f"{link.person.name} (el)" for link in translated.speakers.all()
    ]
    assert [speaker["name"] for speaker in by_id[untranslated.pk]["speakers"]] == [
        link.person.name for link in untranslated.speakers.all()
    ]
    assert by_id[translated.pk]["city"]["name"].endswith("(el)")
    assert [organisation["title"] for organisation in by_id[translated.pk]["organisations"]] == [
        "DutchCulture (el)",
        "Pakhuis de Zwijger (el)",
    ]


@pytest.mark.parametrize("language", ["en", "el"])
@pytest.mark.parametrize("fields", [f"{FIELDS},chapters", "chapters"])
def test_chapters_cost_one_query_for_the_whole_listing(client, programme, language, fields):
    add_episodes(programme, 2, speakers=1)
    few = queries_for(client, listing_url(language, fields))

    add_episodes(programme, 18, speakers=6)
    many = queries_for(client, listing_url(language, fields))

    items = client.get(listing_url(language, fields)).json()["items"]
    assert [len(item["chapters"]) for item in items].count(6) == 18
    assert many == few <= CHAPTERS_QUERY_BUDGET


@pytest.mark.parametrize("language", ["en", "el"])
def test_the_total_a_listing_reports_follows_every_publish_and_unpublish(
    client, programme, language
):
    episodes = add_episodes(programme, 2, speakers=1)[language]
    assert client.get(listing_url(language)).json()["meta"]["total_count"] == 2

    add_episodes(programme, 1, speakers=1)
    assert client.get(listing_url(language)).json()["meta"]["total_count"] == 3

    episodes[0].unpublish()
    assert client.get(listing_url(language)).json()["meta"]["total_count"] == 2
