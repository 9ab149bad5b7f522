"""Roles: what Editors and each language's Translators can and cannot do, through HTTP."""

from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import CommandError, call_command
from django.http import HttpRequest
from django.urls import reverse
from wagtail.models import GroupApprovalTask, GroupPagePermission, Page, Workflow
from wagtail_localize.models import StringSegment

from livecasts.models import City, EpisodePage, Person
from tests.translation_fixtures import (
    add_episode,
    locale,
    make_user,
    segments,
    start_translation,
)
from translation_workflow.roles import EDITORS, MODERATION, MODERATORS, translator_group_name

pytestmark = pytest.mark.django_db

LANGUAGES = ["nl", "fr", "el", "pl", "es"]


def refused(response):
    """Wagtail answers a forbidden admin page with a redirect to the dashboard (or a 403)."""
    if response.status_code == 403:
        return True
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def messages_of(response):
    return [str(message).strip() for message in response.context["messages"]]


def edit_page_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def snippet_url(action, instance=None):
    name = f"wagtailsnippets_livecasts_{type(instance or City()).__name__.lower()}:{action}"
    return reverse(name, args=[instance.pk] if instance else [])


def in_locale(instance, code):
    return instance.get_translation(locale(code))


# --- setup_roles -------------------------------------------------------------------------


def test_setup_roles_creates_editors_and_one_translators_group_per_language(roles):
    names = set(Group.objects.values_list("name", flat=True))

    assert names >= {
        EDITORS,
        "Translators: Dutch",
        "Translators: French",
        "Translators: Greek",
        "Translators: Polish",
        "Translators: Spanish",
    }


def test_setup_roles_is_idempotent(roles):
    before = sorted(GroupPagePermission.objects.values_list("group__name", "page_id", "permission"))

    call_command("setup_roles", verbosity=0)

    after = sorted(GroupPagePermission.objects.values_list("group__name", "page_id", "permission"))
    assert after == before
    assert Group.objects.filter(name__startswith="Translators: ").count() == 5


def test_setup_roles_takes_back_permissions_granted_to_translators_by_hand(roles):
    group = Group.objects.get(name="Translators: Polish")
    GroupPagePermission.objects.create(
        group=group, page=Page.get_first_root_node(), permission_type="change"
    )

    call_command("setup_roles", verbosity=0)

    pages = {grant.page.locale.language_code for grant in group.page_permissions.all()}
    assert pages == {"pl"}


def test_translators_page_permissions_start_at_their_languages_home_page(roles):
    for code in LANGUAGES:
        group = Group.objects.get(name=translator_group_name(locale(code)))
        codenames = set(group.page_permissions.values_list("permission__codename", flat=True))

        assert codenames == {"change_page", "publish_page"}
        pages = {
            (grant.page.depth, grant.page.locale.language_code)
            for grant in group.page_permissions.all()
        }
        assert pages == {(2, code)}


def test_setup_roles_replaces_wagtails_moderators_rights_with_the_reviewers_role(roles):
    group = Group.objects.get(name=MODERATORS)
    root = Page.get_first_root_node()
    GroupPagePermission.objects.create(group=group, page=root, permission_type="bulk_delete")
    group.permissions.add(Permission.objects.get(codename="delete_image"))

    call_command("setup_roles", verbosity=0)

    grants = {(grant.page_id, grant.permission.codename) for grant in group.page_permissions.all()}
    assert grants == {
        (root.pk, f"{action}_page") for action in ("change", "publish", "lock", "unlock")
    }
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert codenames == {"access_admin", "change_city", "change_person", "view_city", "view_person"}


def test_moderation_task_is_reviewed_by_editors_and_moderators_only(roles):
    task = GroupApprovalTask.objects.get(name=MODERATION)
    task.groups.add(Group.objects.get(name="Translators: Polish"))
    task.active = False
    task.save()

    call_command("setup_roles", verbosity=0)

    task.refresh_from_db()
    assert task.active
    assert set(task.groups.values_list("name", flat=True)) == {EDITORS, MODERATORS}
    workflow = Workflow.objects.get(name=MODERATION)
    assert [step.task_id for step in workflow.workflow_tasks.all()] == [task.pk]


def test_demo_translators_need_debug(roles, settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="development only"):
        call_command("setup_roles", "--demo-users")


def test_demo_translators_are_created_with_printed_credentials(roles, settings, capsys, client):
    settings.DEBUG = True

    call_command("setup_roles", "--demo-users")

    output = capsys.readouterr().out
    for code in LANGUAGES:
        line = next(line for line in output.splitlines() if f"translator-{code} " in line)
        password = line.split("password ")[1].strip()
        # django-axes checks every sign-in against its request's address and username
        assert client.login(request=HttpRequest(), username=f"translator-{code}", password=password)
        assert client.get(reverse("wagtailadmin_home")).status_code == 200
        client.logout()


def test_a_second_run_keeps_the_demo_translators_passwords(roles, settings, capsys, client):
    settings.DEBUG = True
    call_command("setup_roles", "--demo-users")
    first = capsys.readouterr().out
    call_command("setup_roles", "--demo-users")
    second = capsys.readouterr().out

    line = next(line for line in first.splitlines() if "translator-el " in line)
    assert "password is unchanged" in second and "--reset-passwords" in second
    password = line.split("password ")[1].strip()
    assert client.login(request=HttpRequest(), username="translator-el", password=password)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


# --- pages -------------------------------------------------------------------------------


def test_polish_translator_edits_polish_but_not_english_or_greek(
    client, polish_translator, translated_tree
):
    episode = translated_tree["episode"]
    client.force_login(polish_translator)

    assert refused(client.get(edit_page_url(episode)))
    assert refused(client.get(edit_page_url(in_locale(episode, "el"))))
    response = client.get(edit_page_url(in_locale(episode, "pl")))
    assert response.status_code == 200
    assert "Warsaw" in response.text


@pytest.mark.parametrize("code", LANGUAGES)
def test_each_translator_reaches_only_their_own_language(client, roles, translated_tree, code):
    user = make_user(f"translator-{code}", translator_group_name(locale(code)))
    client.force_login(user)
    episode = translated_tree["episode"]

    for other in ("en", "pl", "el"):
        page = episode if other == "en" else in_locale(episode, other)
        response = client.get(edit_page_url(page))
        assert (response.status_code == 200) == (other == code)


def test_translator_cannot_post_changes_to_the_english_page(
    client, polish_translator, translated_tree
):
    episode = translated_tree["episode"]
    client.force_login(polish_translator)

    response = client.post(edit_page_url(episode), {"title": "Hijacked", "slug": "warsaw"})

    assert refused(response)
    assert EpisodePage.objects.get(pk=episode.pk).title == "Warsaw"


def test_polish_translator_translates_and_publishes_in_polish(
    client, polish_translator, translated_tree, django_capture_on_commit_callbacks
):
    episode = add_episode(translated_tree["series"], 14, "Madrid")  # the series is in Polish
    translation = start_translation(episode, "pl")
    polish = in_locale(episode, "pl")
    client.force_login(polish_translator)

    for segment in segments(translation):
        url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
        body = urlencode({"value": f"PL {segment.string.data}"})
        response = client.put(url, body, content_type="application/x-www-form-urlencoded")
        assert response.status_code == 201
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit_page_url(polish), {"action": "publish"})

    assert response.status_code == 302
    polish = EpisodePage.objects.get(pk=polish.pk)
    assert polish.live
    assert polish.title == "PL Madrid"
    assert "PL Culture makes room for people to meet." in str(polish.body)


def test_translator_cannot_delete_pages_in_their_language(
    client, polish_translator, translated_tree
):
    polish = in_locale(translated_tree["episode"], "pl")
    client.force_login(polish_translator)
    url = reverse("wagtailadmin_pages:delete", args=[polish.pk])

    assert refused(client.get(url))
    response = client.post(url, follow=True)
    assert "Only editors can delete pages." in messages_of(response)
    assert Page.objects.filter(pk=polish.pk).exists()


def test_translator_cannot_turn_their_translation_back_into_an_alias(
    client, polish_translator, translated_tree
):
    polish = in_locale(translated_tree["episode"], "pl")
    client.force_login(polish_translator)
    url = reverse("wagtail_localize:convert_to_alias", args=[polish.pk])

    response = client.post(url, follow=True)

    assert "Only editors can turn a translation back into an alias." in messages_of(response)
    assert Page.objects.get(pk=polish.pk).alias_of_id is None


def test_translator_cannot_bulk_delete_pages(client, polish_translator, translated_tree):
    polish = in_locale(translated_tree["episode"], "pl")
    client.force_login(polish_translator)
    url = (
        reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"]) + f"?id={polish.pk}"
    )

    response = client.post(url, follow=True)

    assert "Only editors can delete pages." in messages_of(response)
    assert Page.objects.filter(pk=polish.pk).exists()


def test_translator_cannot_submit_pages_for_translation_into_other_languages(
    client, polish_translator, translated_tree
):
    client.force_login(polish_translator)
    url = reverse("wagtail_localize:submit_page_translation", args=[translated_tree["episode"].pk])

    assert refused(client.get(url))


def test_editor_edits_every_language_and_may_delete(client, editor, translated_tree):
    episode = translated_tree["episode"]
    client.force_login(editor)

    for page in (episode, in_locale(episode, "pl"), in_locale(episode, "el")):
        assert client.get(edit_page_url(page)).status_code == 200
    delete_url = reverse("wagtailadmin_pages:delete", args=[in_locale(episode, "el").pk])
    assert client.get(delete_url).status_code == 200


# --- snippets ----------------------------------------------------------------------------


def test_polish_translator_edits_only_the_polish_city(client, polish_translator, translated_tree):
    city = translated_tree["city"]
    client.force_login(polish_translator)

    assert client.get(snippet_url("edit", in_locale(city, "pl"))).status_code == 200
    assert refused(client.get(snippet_url("edit", city)))
    response = client.get(snippet_url("edit", in_locale(city, "el")), follow=True)
    assert "You can only edit cities in the languages you work in." in messages_of(response)


def test_people_and_cities_open_in_the_translation_editor(client, polish_translator, roles):
    person = Person.objects.create(
        name="Sample host", profession="urban researcher", locale=locale("en")
    )
    city = City.objects.create(name="Warsaw", country="Poland", locale=locale("en"))
    client.force_login(polish_translator)

    for snippet in (person, city):
        start_translation(snippet, "pl")
        response = client.get(snippet_url("edit", in_locale(snippet, "pl")))
        templates = [template.name for template in response.templates]
        assert "wagtail_localize/admin/edit_translation.html" in templates


def test_translator_cannot_add_or_delete_snippets(client, polish_translator, translated_tree):
    polish_city = in_locale(translated_tree["city"], "pl")
    client.force_login(polish_translator)

    assert refused(client.get(snippet_url("add") + "?locale=pl"))
    assert refused(client.post(snippet_url("delete", polish_city)))
    assert City.objects.filter(pk=polish_city.pk).exists()


def test_delete_permission_alone_does_not_reach_other_languages(
    client, polish_translator, translated_tree
):
    polish_translator.user_permissions.add(Permission.objects.get(codename="delete_city"))
    greek_city = in_locale(translated_tree["city"], "el")
    client.force_login(polish_translator)

    response = client.post(snippet_url("delete", greek_city), follow=True)

    assert "You can only edit cities in the languages you work in." in messages_of(response)
    assert City.objects.filter(pk=greek_city.pk).exists()


def test_translator_cannot_change_greek_snippet_strings_through_the_api(
    client, polish_translator, translated_tree
):
    greek = translated_tree["city"]
    translation = start_translation(greek, "el")
    segment = StringSegment.objects.filter(source=translation.source).first()
    client.force_login(polish_translator)
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])

    response = client.put(
        url,
        "value=Hacked",
        content_type="application/x-www-form-urlencoded",
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )

    assert response.status_code == 403
    assert in_locale(greek, "el").name != "Hacked"


# --- the rest of the admin ---------------------------------------------------------------


@pytest.mark.parametrize(
    "url_name", ["wagtailusers_users:index", "wagtailusers_groups:index", "wagtailsites:index"]
)
def test_translator_cannot_reach_users_or_settings(client, polish_translator, url_name):
    client.force_login(polish_translator)

    assert refused(client.get(reverse(url_name)))


def test_translator_cannot_manage_locales(client, polish_translator):
    client.force_login(polish_translator)

    assert refused(client.get(reverse("wagtaillocales:index")))
