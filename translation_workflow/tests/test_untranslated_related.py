"""Translators see which of a page's related items (city, people, organisations) are still
untranslated in their language, in the translation editor and in the status report, each with a
link they may follow to translate it."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Page
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation
from wagtail_localize.operations import TranslationCreator

from livecasts.models import City, EpisodeOrganisation, EpisodePage, Person
from tests.factories import (
    EpisodeSpeakerFactory,
    OrganisationIndexPageFactory,
    OrganisationPageFactory,
    PersonFactory,
    home_page,
    publish,
)
from tests.translation_fixtures import (
    add_episode,
    add_warsaw,
    fill,
    locale,
    publish_translation,
    start_translation,
)
from translation_workflow.links import start_url

pytestmark = pytest.mark.django_db

REPORT = "translation_workflow:status_report"


@pytest.fixture
def episode(series):
    """Episode 13, 'Rebuilding', in Warsaw: its city, two speakers and an organiser, none of
    them translated."""
    episode = add_episode(series, 13, "Rebuilding", city=add_warsaw())
    EpisodeSpeakerFactory(
        page=episode, person=PersonFactory(name="Anna Nowak"), role="Host", sort_order=0
    )
    EpisodeSpeakerFactory(page=episode, person=PersonFactory(name="Piotr Zielinski"), sort_order=1)
    index = publish(OrganisationIndexPageFactory(parent=home_page()))
    organisation = publish(OrganisationPageFactory(parent=index, title="Pakhuis de Zwijger"))
    EpisodeOrganisation.objects.create(page=episode, organisation=organisation)
    return publish(EpisodePage.objects.get(pk=episode.pk))


def translate_page_only(page, code, capture):
    """The page translated and published, its related items left alone."""
    TranslationCreator(None, [locale(code)]).create_translations(
        page, include_related_objects=False
    )
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale__language_code=code
    )
    fill(translation)
    publish_translation(translation, capture)
    return translation


@pytest.fixture
def in_polish(series, episode, django_capture_on_commit_callbacks):
    translate_page_only(series, "pl", django_capture_on_commit_callbacks)
    return translate_page_only(episode, "pl", django_capture_on_commit_callbacks)


@pytest.fixture
def in_greek(series, episode, django_capture_on_commit_callbacks):
    translate_page_only(series, "el", django_capture_on_commit_callbacks)
    return translate_page_only(episode, "el", django_capture_on_commit_callbacks)


def editor_url(translation):
    return reverse("wagtailadmin_pages:edit", args=[translation.get_target_instance().pk])


def listed(html):
    """The editor's 'not yet translated' list as {name: link or None}."""
    section = BeautifulSoup(html, "html.parser").select_one("section.untranslated-related")
    if section is None:
        return {}
    return {
        item.find(["a", "span"]).get_text(strip=True): item.a["href"] if item.a else None
        for item in section.select("li")
    }


def english(model, name):
    return model.objects.get(locale=locale("en"), **{"title" if model is Page else "name": name})


def publish_snippet_translation(instance, code, capture):
    translation = start_translation(instance, code)
    fill(translation)
    publish_translation(translation, capture)


def test_editor_lists_the_untranslated_city_people_and_organisation_with_links(
    client, polish_translator, in_polish
):
    client.force_login(polish_translator)

    response = client.get(editor_url(in_polish))

    assert response.status_code == 200
    assert "js-translation-editor" in response.text  # wagtail-localize's editor, unchanged
    pl = locale("pl")
    assert listed(response.text) == {
        "Warsaw": start_url(english(City, "Warsaw"), pl),
        "Anna Nowak": start_url(english(Person, "Anna Nowak"), pl),
        "Piotr Zielinski": start_url(english(Person, "Piotr Zielinski"), pl),
        "Pakhuis de Zwijger": start_url(english(Page, "Pakhuis de Zwijger").specific, pl),
    }
    assert "Not yet translated into Polski" in response.text


def test_the_link_starts_the_translation_and_opens_it_in_the_editor(
    client, polish_translator, in_polish
):
    client.force_login(polish_translator)
    link = listed(client.get(editor_url(in_polish)).text)["Warsaw"]

    assert client.get(link).status_code == 200
    opened = client.post(link, follow=True)

    warsaw_pl = english(City, "Warsaw").get_translation(locale("pl"))
    assert opened.status_code == 200
    assert opened.redirect_chain[-1][0] == reverse(
        "wagtailsnippets_livecasts_city:edit", args=[warsaw_pl.pk]
    )
    assert "js-translation-editor" in opened.text
    # Still listed until published, now leading to the draft in the translation editor.
    again = listed(client.get(editor_url(in_polish)).text)
    assert again["Warsaw"] == reverse("wagtailsnippets_livecasts_city:edit", args=[warsaw_pl.pk])


def test_an_item_disappears_once_translated_and_published(
    client, polish_translator, in_polish, django_capture_on_commit_callbacks
):
    publish_snippet_translation(english(City, "Warsaw"), "pl", django_capture_on_commit_callbacks)
    client.force_login(polish_translator)

    shown = listed(client.get(editor_url(in_polish)).text)

    assert "Warsaw" not in shown
    assert "Anna Nowak" in shown


def test_nothing_is_shown_when_everything_is_translated(
    client, polish_translator, in_polish, django_capture_on_commit_callbacks
):
    for instance in (english(City, "Warsaw"), *Person.objects.filter(locale=locale("en"))):
        publish_snippet_translation(instance, "pl", django_capture_on_commit_callbacks)
    organisation = english(Page, "Pakhuis de Zwijger").specific
    for page in (organisation.get_parent().specific, organisation):
        publish_snippet_translation(page, "pl", django_capture_on_commit_callbacks)
    client.force_login(polish_translator)

    response = client.get(editor_url(in_polish))

    assert response.status_code == 200
    assert listed(response.text) == {}
    assert "Not yet translated" not in response.text


def test_greek_translator_sees_the_list_in_greek_with_greek_links(
    client, greek_translator, in_greek
):
    profile = UserProfile.get_for_user(greek_translator)
    profile.preferred_language = "el"
    profile.save()
    client.force_login(greek_translator)

    response = client.get(editor_url(in_greek))

    assert response.status_code == 200
    assert "Δεν έχουν μεταφραστεί ακόμη: Ελληνικά" in response.text
    assert listed(response.text)["Warsaw"] == start_url(english(City, "Warsaw"), locale("el"))
    assert client.get(listed(response.text)["Anna Nowak"]).status_code == 200


def report_related(client, **params):
    """The report's 'Untranslated related items' cells as {(title, language): {name: link}}."""
    html = client.get(reverse(REPORT), params).text
    rows = {}
    for row in BeautifulSoup(html, "html.parser").select("table tbody tr"):
        cells = row.find_all("td")
        title, language = cells[0].get_text(strip=True), cells[3].get_text(strip=True)
        rows[title, language] = {
            item.find(["a", "span"]).get_text(strip=True): item.a["href"] if item.a else None
            for item in cells[-2].select("li")
        }
    return rows


def test_report_lists_untranslated_related_items_with_links(client, polish_translator, in_polish):
    client.force_login(polish_translator)

    rows = report_related(client)

    warsaw = rows[("Rebuilding", "Polski")]
    assert warsaw["Warsaw"] == start_url(english(City, "Warsaw"), locale("pl"))
    assert set(warsaw) == {"Warsaw", "Anna Nowak", "Piotr Zielinski", "Pakhuis de Zwijger"}
    assert rows[("Anna Nowak", "Polski")] == {}  # a person shows no related items


def test_report_offers_a_translator_no_links_in_other_languages(
    client, polish_translator, in_polish, in_greek
):
    client.force_login(polish_translator)

    greek = report_related(client, locale="el")[("Rebuilding", "Ελληνικά")]

    assert set(greek) >= {"Warsaw", "Anna Nowak"}
    assert set(greek.values()) == {None}


def test_report_export_names_the_untranslated_related_items(client, editor, in_greek):
    client.force_login(editor)

    response = client.get(reverse(REPORT), {"locale": "el", "export": "csv"})

    text = b"".join(response.streaming_content).decode()
    line = next(line for line in text.splitlines() if line.startswith("Rebuilding,Episode"))
    assert "Warsaw (City); Anna Nowak (Person)" in line


def test_the_report_clears_once_everything_is_published(
    client, greek_translator, in_greek, django_capture_on_commit_callbacks
):
    for instance in (english(City, "Warsaw"), *Person.objects.filter(locale=locale("en"))):
        publish_snippet_translation(instance, "el", django_capture_on_commit_callbacks)
    organisation = english(Page, "Pakhuis de Zwijger").specific
    for page in (organisation.get_parent().specific, organisation):
        publish_snippet_translation(page, "el", django_capture_on_commit_callbacks)
    client.force_login(greek_translator)

    assert report_related(client)[("Rebuilding", "Ελληνικά")] == {}


def test_an_organisation_link_first_offers_its_missing_parent_then_starts_it(
    client, polish_translator, in_polish
):
    client.force_login(polish_translator)
    link = listed(client.get(editor_url(in_polish)).text)["Pakhuis de Zwijger"]
    organisation = english(Page, "Pakhuis de Zwijger").specific
    pl = locale("pl")

    first = client.get(link)
    parent_link = BeautifulSoup(first.text, "html.parser").find(
        "a", string=lambda text: text and "Start translating" in text
    )
    client.post(parent_link["href"])
    opened = client.post(link)

    assert first.status_code == 200
    assert parent_link["href"] == start_url(organisation.get_parent().specific, pl)
    organisation_pl = organisation.get_translation(pl)
    assert opened["Location"] == reverse("wagtailadmin_pages:edit", args=[organisation_pl.pk])
    assert client.get(opened["Location"]).status_code == 200
