"""The actions of the permission table (test_permission_table.py), each through the real
admin endpoint, as a browser sends it (session cookie and CSRF token).

Each action takes the client and the `Target` of the cell and returns (response, done): `done`
says whether its effect is in the database afterwards.
"""

from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, Locale, Page, PageViewRestriction
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield
from wagtail_localize.models import StringTranslation, TranslationSource

from home.models import HomePage
from livecasts.models import City, EpisodePage, SeriesPage
from tests.translation_fixtures import segments


@dataclass
class Target:
    """What a cell acts on: pages and people in `locale`, and their English sources."""

    locale: Locale
    episode: EpisodePage
    translation: object
    city_translation: object
    source_episode: EpisodePage
    untranslated_episode: EpisodePage
    other_series: SeriesPage


def reload(page):
    return type(page).objects.get(pk=page.pk)


def send(client, method, url, data=None, **extra):
    """A request with the CSRF token the admin's pages hand the browser; what the request
    leaves for after its transaction commits (wagtail-localize's publishing) runs too."""
    token = client.cookies["csrftoken"].value
    with TestCase.captureOnCommitCallbacks(execute=True):
        return getattr(client, method)(url, data or {}, HTTP_X_CSRFTOKEN=token, **extra)


def put_string(client, translation, value):
    segment = segments(translation)[0]
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    response = send(
        client, "put", url, f"value={value}", content_type="application/x-www-form-urlencoded"
    )
    done = StringTranslation.objects.filter(
        translation_of=segment.string, locale=translation.target_locale, data=value
    ).exists()
    return response, done


def view_admin(client, target):
    response = client.get(reverse("wagtailadmin_home"))
    return response, response.status_code == 200


def open_page_editor(client, target):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[target.episode.pk]))
    return response, response.status_code == 200


def translate_page(client, target):
    return put_string(client, target.translation, "Changed in the editor")


def upload_po_file(client, target):
    po = target.translation.export_po()
    for entry in po:
        entry.msgstr = f"PO {entry.msgid}"
    upload = SimpleUploadedFile("t.po", str(po).encode(), "text/x-gettext-translation")
    url = reverse("wagtail_localize:upload_pofile", args=[target.translation.pk])
    response = send(
        client,
        "post",
        url,
        {"file": upload, "next": reverse("wagtailadmin_pages:edit", args=[target.episode.pk])},
    )
    done = StringTranslation.objects.filter(locale=target.locale, data__startswith="PO ").exists()
    return response, done


def publish_page(client, target):
    before = target.episode.live_revision_id
    url = reverse("wagtailadmin_pages:edit", args=[target.episode.pk])
    response = send(client, "post", url, {"action": "publish"})
    return response, reload(target.episode).live_revision_id != before


def unpublish_page(client, target):
    url = reverse("wagtailadmin_pages:unpublish", args=[target.episode.pk])
    response = send(client, "post", url)
    return response, not reload(target.episode).live


def set_privacy(client, target):
    url = reverse("wagtailadmin_pages:set_privacy", args=[target.episode.pk])
    response = send(client, "post", url, {"restriction_type": "login"})
    return response, PageViewRestriction.objects.filter(page=target.episode).exists()


def add_page(client, target):
    home = HomePage.objects.get(locale=target.locale)
    url = reverse("wagtailadmin_pages:add", args=["home", "standardpage", home.pk])
    data = nested_form_data(
        {"title": "Added", "slug": "added", "intro": rich_text(""), "body": streamfield([])}
    )
    response = send(client, "post", url, data)
    return response, Page.objects.filter(slug="added", locale=target.locale).exists()


def delete_page(client, target):
    url = reverse("wagtailadmin_pages:delete", args=[target.episode.pk])
    response = send(client, "post", url)
    return response, not Page.objects.filter(pk=target.episode.pk).exists()


def move_page(client, target):
    destination = target.other_series
    url = reverse("wagtailadmin_pages:move_confirm", args=[target.episode.pk, destination.pk])
    response = send(client, "post", url)
    return response, reload(target.episode).get_parent().pk == destination.pk


def reorder_pages(client, target):
    """Put the language's second series first among its home page's children."""
    series = target.other_series
    url = reverse("wagtailadmin_pages:set_page_position", args=[series.pk]) + "?position=0"
    response = send(client, "post", url)
    return response, series.get_parent().get_children().first().pk == series.pk


def copy_page(client, target):
    url = reverse("wagtailadmin_pages:copy", args=[target.episode.pk])
    data = {
        "new_title": "Copied",
        "new_slug": "copied",
        "new_parent_page": target.episode.get_parent().pk,
    }
    response = send(client, "post", url, data)
    return response, Page.objects.filter(slug="copied").exists()


def lock_page(client, target):
    url = reverse("wagtailadmin_pages:lock", args=[target.episode.pk])
    response = send(client, "post", url)
    return response, reload(target.episode).locked


def unlock_page(client, target):
    """A page someone else locked."""
    Page.objects.filter(pk=target.episode.pk).update(
        locked=True, locked_at=timezone.now(), locked_by=None
    )
    url = reverse("wagtailadmin_pages:unlock", args=[target.episode.pk])
    response = send(client, "post", url)
    return response, not reload(target.episode).locked


def _translated(source, locale):
    return EpisodePage.objects.filter(translation_key=source.translation_key, locale=locale)


def start_translation(client, target):
    source = target.untranslated_episode
    content_type = ContentType.objects.get_for_model(EpisodePage)
    url = reverse(
        "translation_workflow:start",
        args=[content_type.pk, source.pk, target.locale.language_code],
    )
    response = send(client, "post", url)
    return response, _translated(source, target.locale).exists()


def submit_for_translation(client, target):
    source = target.untranslated_episode
    url = reverse("wagtail_localize:submit_page_translation", args=[source.pk])
    response = send(client, "post", url, {"locales": [target.locale.pk]})
    return response, _translated(source, target.locale).exists()


def sync_translations(client, target):
    source = TranslationSource.objects.get_for_instance(target.source_episode)
    before = source.last_updated_at
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    response = send(client, "post", url)
    source.refresh_from_db()
    return response, source.last_updated_at != before


def convert_to_alias(client, target):
    url = reverse("wagtail_localize:convert_to_alias", args=[target.episode.pk])
    response = send(client, "post", url)
    return response, reload(target.episode).alias_of_id is not None


def translate_snippet(client, target):
    return put_string(client, target.city_translation, "Changed city")


def delete_snippet(client, target):
    city = City.objects.get(
        translation_key=target.city_translation.source.object_id, locale=target.locale
    )
    url = reverse("wagtailsnippets_livecasts_city:delete", args=[city.pk])
    response = send(client, "post", url)
    return response, not City.objects.filter(pk=city.pk).exists()


def upload_image(client, target):
    data = {
        "title": "Uploaded",
        "file": SimpleUploadedFile("test.png", get_test_image_file().file.getvalue()),
        "collection": Collection.get_first_root_node().pk,
    }
    response = send(client, "post", reverse("wagtailimages:add"), data)
    return response, get_image_model().objects.filter(title="Uploaded").exists()


def upload_document(client, target):
    data = {
        "title": "Uploaded",
        "file": SimpleUploadedFile("notes.txt", b"Notes"),
        "collection": Collection.get_first_root_node().pk,
    }
    response = send(client, "post", reverse("wagtaildocs:add"), data)
    return response, get_document_model().objects.filter(title="Uploaded").exists()


def add_group(client, target):
    response = send(client, "post", reverse("wagtailusers_groups:add"), {"name": "Intruders"})
    return response, Group.objects.filter(name="Intruders").exists()


def site_settings(client, target):
    response = client.get(reverse("wagtailsites:index"))
    return response, response.status_code == 200


def second_series(locale):
    """A series to move episodes into."""
    home = HomePage.objects.get(locale=locale)
    series = SeriesPage(title="Second", slug=f"second-{locale.language_code}", locale=locale)
    home.add_child(instance=series)
    series.save_revision().publish()
    return series
