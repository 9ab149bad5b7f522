"""The permission table of docs/translation.md, each cell tried through the admin over HTTP.

`TABLE` is the single source: `test_the_documented_table_is_this_table` checks that the doc
lists the same cells. A column's user acts on the Polish translation of an episode (its series,
its city), except "Translators (other language)", where the Polish translator acts on the Greek
one. Allowed means the request succeeded and its effect is in the database; refused means
Wagtail said no (403, or back to the dashboard or the login page) and nothing changed.
"""

import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client, TestCase
from django.urls import reverse
from wagtail_localize.models import Translation

from livecasts.models import City
from tests.translation_fixtures import (
    add_episode,
    add_series,
    fill,
    locale,
    make_user,
    start_translation,
)
from translation_workflow.roles import EDITORS, MODERATORS, translator_group_name
from translation_workflow.tests import permission_actions as act

pytestmark = pytest.mark.django_db

COLUMNS = [
    "Editors",
    "Moderators",
    "Translators (own language)",
    "Translators (other language)",
    "anonymous",
]
Y, N = "yes", "no"
TABLE = {
    "view the admin": (act.view_admin, [Y, Y, Y, Y, N]),
    "open a page in the editor": (act.open_page_editor, [Y, Y, Y, N, N]),
    "translate a page in the translation editor": (act.translate_page, [Y, Y, Y, N, N]),
    "upload a PO file": (act.upload_po_file, [Y, Y, Y, N, N]),
    "publish a page": (act.publish_page, [Y, Y, Y, N, N]),
    "unpublish a page": (act.unpublish_page, [Y, N, N, N, N]),
    "set a page's privacy": (act.set_privacy, [Y, N, N, N, N]),
    "add a page": (act.add_page, [Y, N, N, N, N]),
    "delete a page": (act.delete_page, [Y, N, N, N, N]),
    "move a page": (act.move_page, [Y, N, N, N, N]),
    "reorder pages": (act.reorder_pages, [Y, N, N, N, N]),
    "copy a page": (act.copy_page, [Y, N, N, N, N]),
    "lock a page": (act.lock_page, [Y, Y, N, N, N]),
    "unlock a page someone else locked": (act.unlock_page, [Y, Y, N, N, N]),
    "start translating a missing page": (act.start_translation, [Y, Y, Y, N, N]),
    "translate this page (any language)": (act.submit_for_translation, [Y, N, N, N, N]),
    "sync translated pages": (act.sync_translations, [Y, N, N, N, N]),
    "convert a translation to an alias": (act.convert_to_alias, [Y, N, N, N, N]),
    "translate a person or city": (act.translate_snippet, [Y, Y, Y, N, N]),
    "delete a person or city": (act.delete_snippet, [Y, N, N, N, N]),
    "upload an image": (act.upload_image, [Y, N, N, N, N]),
    "upload a document": (act.upload_document, [Y, N, N, N, N]),
    "add a group (users and groups)": (act.add_group, [N, N, N, N, N]),
    "site settings": (act.site_settings, [N, N, N, N, N]),
}
CELLS = [
    pytest.param(action, column, id=f"{action} | {column}")
    for action in TABLE
    for column in COLUMNS
]


def refused(response):
    if response.status_code == 403:
        return True
    location = response.get("Location", "")
    return response.status_code == 302 and (
        location == reverse("wagtailadmin_home")
        or location.startswith(reverse("wagtailadmin_login"))
    )


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The tree of translation_fixtures' `translated_tree`, built with its helpers once for the
    module (per cell it cost seconds a test) and rolled back after it; each cell's own changes
    are rolled back after the cell."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("setup_roles", verbosity=0)
        yield build_world()
        transaction.set_rollback(True)


def build_world():
    series = add_series()
    city = City.objects.create(name="Warsaw", country="Poland", locale=locale("en"))
    episode = add_episode(series, 13, "Warsaw", city=city)
    madrid = add_episode(series, 14, "Madrid")
    targets = {}
    for code in ("pl", "el"):
        for source in (series, city, episode):
            translation = start_translation(source, code)
            fill(translation)
            with TestCase.captureOnCommitCallbacks(execute=True):
                translation.save_target(publish=True)
        targets[code] = act.Target(
            locale=locale(code),
            episode=episode.get_translation(locale(code)),
            translation=translation,
            city_translation=Translation.objects.get(
                source__object_id=city.translation_key, target_locale=locale(code)
            ),
            source_episode=episode,
            untranslated_episode=madrid,
            other_series=act.second_series(locale(code)),
        )
    users = {
        "Editors": make_user("editor", EDITORS),
        "Moderators": make_user("moderator", MODERATORS),
        "Translators (own language)": make_user("tlumacz", translator_group_name(locale("pl"))),
        "anonymous": None,
    }
    users["Translators (other language)"] = users["Translators (own language)"]
    return users, targets


def browser(user):
    """A client that checks CSRF like the real site, with the token a page gave it."""
    client = Client(enforce_csrf_checks=True)
    if user is not None:
        client.force_login(user)
    client.get(reverse("wagtailadmin_home"), follow=True)
    return client


@pytest.mark.parametrize(("action", "column"), CELLS)
def test_cell(action, column, world):
    perform, cells = TABLE[action]
    users, targets = world
    target = targets["el" if column == "Translators (other language)" else "pl"]
    client = browser(users[column])

    response, done = perform(client, target)

    if cells[COLUMNS.index(column)] == Y:
        assert response.status_code in (200, 201, 302) and not refused(response)
        assert done
    else:
        assert refused(response), (response.status_code, response.get("Location"))
        assert not done


def documented_table():
    text = (Path(__file__).parents[2] / "docs" / "translation.md").read_text()
    section = text.split("<!-- permission table -->")[1].split("<!-- end of permission table -->")[
        0
    ]
    rows = [line for line in section.splitlines() if line.startswith("|")]
    header = [cell.strip() for cell in rows[0].strip("|").split("|")]
    table = {}
    for row in rows[2:]:
        label, *cells = [re.sub(r"[*`]", "", cell).strip() for cell in row.strip("|").split("|")]
        table[label] = cells
    return header, table


def test_the_documented_table_is_this_table():
    header, table = documented_table()

    assert header == ["action", *COLUMNS]
    assert table == {action: cells for action, (_perform, cells) in TABLE.items()}
