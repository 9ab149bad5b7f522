"""When the translation status report calls a translation "Out of date": only when the English
source changed in a way its translations carry, never because it was saved or republished."""

import csv
import datetime
import io
import json

import pytest
from django.test import Client
from django.urls import reverse
from modelcluster.models import get_all_child_relations
from wagtail.models import Page
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)
from wagtail_localize.fields import get_translatable_fields

from home.models import HomePage
from livecasts.models import EpisodePage, Person, SeriesPage
from tests.translation_fixtures import fill, publish, publish_translation, start_translation

pytestmark = pytest.mark.django_db

# What Wagtail 8's Page holds, split by whether a translation carries it (wagtail-localize
# translates or synchronises it) or the comparison ignores it (it changes when a page is saved,
# moved, locked or published, or it is the page's identity).
PAGE_FIELDS_TRANSLATIONS_CARRY = {
    "title",
    "slug",
    "seo_title",
    "search_description",
    "show_in_menus",
}
PAGE_FIELDS_THE_COMPARISON_IGNORES = {
    "id",
    "path",
    "depth",
    "numchild",
    "translation_key",
    "locale",
    "alias_of",
    "content_type",
    "url_path",
    "owner",
    "draft_title",
    "live",
    "has_unpublished_changes",
    "first_published_at",
    "last_published_at",
    "live_revision",
    "latest_revision",
    "latest_revision_created_at",
    "go_live_at",
    "expire_at",
    "expired",
    "locked",
    "locked_at",
    "locked_by",
    "wagtail_admin_comments",
}


def test_every_page_field_is_either_carried_by_translations_or_knowingly_ignored():
    """Fails when Wagtail adds, removes or renames a Page field: decide which set it joins. A
    field that changes on publishing must not be carried, or every republished page would show
    its translations as out of date."""
    page_fields = {field.name for field in Page._meta.concrete_fields} | {
        relation.name for relation in get_all_child_relations(Page)
    }
    carried = {field.field_name for field in get_translatable_fields(Page)}

    assert page_fields == PAGE_FIELDS_TRANSLATIONS_CARRY | PAGE_FIELDS_THE_COMPARISON_IGNORES
    assert carried == PAGE_FIELDS_TRANSLATIONS_CARRY


def as_saved_by_the_editor(text, key):
    """A paragraph as Wagtail's rich text editor stores it (it keys every block)."""
    return f'<p data-block-key="{key}">{text}</p>'


@pytest.fixture
def translated_pages(django_capture_on_commit_callbacks):
    """A series and an episode as the admin saves them, translated into Polish and Greek."""
    home = HomePage.objects.get(locale__language_code="en")
    intro = as_saved_by_the_editor("Four cities in a pandemic.", "intro")
    series = SeriesPage(title="Infected Cities", slug="infected-cities", intro=intro)
    home.add_child(instance=series)
    series = publish(series)
    paragraphs = ["Culture makes room to meet.", "Warsaw rebuilt its old town from paintings."]
    body = [
        {"type": "paragraph", "value": as_saved_by_the_editor(text, f"p{index}")}
        for index, text in enumerate(paragraphs)
    ]
    episode = EpisodePage(
        title="Warsaw",
        slug="warsaw",
        number=13,
        date=datetime.date(2021, 1, 14),
        summary="The Warsaw edition.",
        body=json.dumps(body),
    )
    series.add_child(instance=episode)
    episode = publish(episode)
    for code in ("pl", "el"):
        for page in (series, episode):
            translation = start_translation(page, code)
            fill(translation)
            publish_translation(translation, django_capture_on_commit_callbacks)
    return [series, episode]


def statuses(client):
    """The report's CSV export for every language, as {(title, language): status}."""
    response = client.get(reverse("translation_workflow:status_report"), {"export": "csv"})
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode()
    return {
        (row["Title"], row["Language"]): row["Status"] for row in csv.DictReader(io.StringIO(text))
    }


def body_as_the_editor_sends_it(page):
    """The page's StreamField of paragraphs as the editor's script posts it, block ids kept
    (the script builds these inputs, so they are not in the editor's HTML)."""
    stream = streamfield([("paragraph", rich_text(child.value.source)) for child in page.body])
    for index, child in enumerate(page.body):
        stream[str(index)]["id"] = child.id
    return nested_form_data({"body": stream})


def republish_in_the_admin(client, page, capture):
    """Open the page editor and publish the form as it stands, with the page's CSRF token."""
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    html = client.get(url).content.decode()
    form = querydict_from_html(html, form_id="page-edit-form", exclude_csrf=False)
    for name, value in body_as_the_editor_sends_it(page).items():
        form[name] = value
    form["action-publish"] = "action-publish"
    with capture(execute=True):
        response = client.post(url, form)
    assert response.status_code == 302
    return type(page).objects.get(pk=page.pk)


def test_republishing_an_unchanged_source_keeps_its_translations_translated(
    editor, translated_pages, django_capture_on_commit_callbacks
):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    translations = {
        (page.title, language) for page in translated_pages for language in ("Polski", "Ελληνικά")
    }
    before = statuses(client)
    assert {key: before[key] for key in translations} == dict.fromkeys(translations, "Translated")

    for page in translated_pages:
        revision = page.live_revision_id
        republished = republish_in_the_admin(client, page, django_capture_on_commit_callbacks)
        assert republished.live_revision_id != revision

    after = statuses(client)
    assert {key: after[key] for key in translations} == dict.fromkeys(translations, "Translated")


def test_publishing_a_draft_person_does_not_put_its_translations_out_of_date(
    editor, django_capture_on_commit_callbacks
):
    """People and cities have drafts like pages: the source's first publish, a republish or a
    go-live date changes publishing fields, not what translators translated."""
    person = Person(name="Sample Speaker", profession="Sample researcher", is_sample=True)
    person.save()
    person.save_revision().publish()
    translation = start_translation(person, "pl")
    fill(translation)
    publish_translation(translation, django_capture_on_commit_callbacks)
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    assert statuses(client)[("Sample Speaker", "Polski")] == "Translated"

    url = reverse(Person.snippet_viewset.get_url_name("edit"), args=[person.pk])
    html = client.get(url).content.decode()
    form = querydict_from_html(html, form_id="w-editor-form", exclude_csrf=False)
    form["action-publish"] = "action-publish"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, form)
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.live and person.last_published_at is not None

    assert statuses(client)[("Sample Speaker", "Polski")] == "Translated"
