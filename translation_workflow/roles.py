"""The Editors, the Moderators and one Translators group per non-source language, in one place.

`setup_roles()` makes the groups match these definitions exactly, so running it again changes
nothing and permissions granted to these groups by hand are taken back. Editors and Moderators
reuse the names of the groups Wagtail's first migration creates (with rights of its own choosing,
which are replaced here), and Wagtail's default "Moderators approval" workflow task is given to
those two groups only: a task's groups may edit and publish any page submitted to it.
"""

from django.contrib.auth.models import Group, Permission
from django.utils.translation import get_language_info
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowTask,
)

from translation_workflow.access import translation_locales

EDITORS = "Editors"
MODERATORS = "Moderators"
MODERATION = "Moderators approval"
TRANSLATORS_PREFIX = "Translators: "

ADMIN_ACCESS = [("wagtailadmin", "access_admin")]
SNIPPET_MODELS = ["person", "city"]

EDITOR_PAGE_PERMISSIONS = ["add", "change", "publish", "bulk_delete", "lock", "unlock"]
EDITOR_MODEL_PERMISSIONS = [
    *ADMIN_ACCESS,
    ("wagtail_localize", "submit_translation"),
    *[
        ("livecasts", f"{action}_{model}")
        for model in SNIPPET_MODELS
        for action in ("add", "change", "delete", "view")
    ],
]
EDITOR_COLLECTION_PERMISSIONS = [
    ("wagtailimages", codename) for codename in ("add_image", "change_image", "choose_image")
] + [
    ("wagtaildocs", codename) for codename in ("add_document", "change_document", "choose_document")
]

# Moderators review and publish existing pages in every language; they add, delete, move,
# unpublish, hide and send for translation nothing (see livecasts/page_permissions.py).
MODERATOR_PAGE_PERMISSIONS = ["change", "publish", "lock", "unlock"]
SNIPPET_EDITING = [
    ("livecasts", f"{action}_{model}") for model in SNIPPET_MODELS for action in ("change", "view")
]
MODERATOR_MODEL_PERMISSIONS = [*ADMIN_ACCESS, *SNIPPET_EDITING]
MODERATOR_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "choose_document"),
]

# Translators edit and publish what already exists in their language: no adding, no deleting.
TRANSLATOR_PAGE_PERMISSIONS = ["change", "publish"]
TRANSLATOR_MODEL_PERMISSIONS = [*ADMIN_ACCESS, *SNIPPET_EDITING]


def translator_group_name(locale):
    return TRANSLATORS_PREFIX + get_language_info(locale.language_code)["name"]


def _permissions(pairs):
    found = []
    for app_label, codename in pairs:
        found.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return found


def _set_page_permissions(group, page, actions):
    wanted = [
        Permission.objects.get(content_type__app_label="wagtailcore", codename=f"{action}_page")
        for action in actions
    ]
    GroupPagePermission.objects.filter(group=group).exclude(
        page=page, permission__in=wanted
    ).delete()
    for permission in wanted:
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def _set_collection_permissions(group, pairs):
    root = Collection.get_first_root_node()
    wanted = _permissions(pairs)
    GroupCollectionPermission.objects.filter(group=group).exclude(
        collection=root, permission__in=wanted
    ).delete()
    for permission in wanted:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=permission
        )


def setup_editors():
    group, _created = Group.objects.get_or_create(name=EDITORS)
    group.permissions.set(_permissions(EDITOR_MODEL_PERMISSIONS))
    _set_page_permissions(group, Page.get_first_root_node(), EDITOR_PAGE_PERMISSIONS)
    _set_collection_permissions(group, EDITOR_COLLECTION_PERMISSIONS)
    return group


def setup_moderators():
    group, _created = Group.objects.get_or_create(name=MODERATORS)
    group.permissions.set(_permissions(MODERATOR_MODEL_PERMISSIONS))
    _set_page_permissions(group, Page.get_first_root_node(), MODERATOR_PAGE_PERMISSIONS)
    _set_collection_permissions(group, MODERATOR_COLLECTION_PERMISSIONS)
    return group


def setup_moderation(reviewers):
    """Wagtail's "Moderators approval" workflow, its one task reviewed by `reviewers` only.

    Which pages use it stays an editor's choice (Settings → Workflows); Wagtail's migration
    assigns it to the whole tree."""
    task = GroupApprovalTask.objects.filter(name=MODERATION).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=MODERATION)
    task.active = True
    task.save(update_fields=["active"])
    task.groups.set(reviewers)
    workflow, _created = Workflow.objects.update_or_create(
        name=MODERATION, defaults={"active": True}
    )
    WorkflowTask.objects.filter(workflow=workflow).exclude(task=task).delete()
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow


def setup_translators(locale):
    """The group for one language: its pages from that language's home page down, nothing else."""
    home = Page.objects.get(depth=2, locale=locale)
    group, _created = Group.objects.get_or_create(name=translator_group_name(locale))
    group.permissions.set(_permissions(TRANSLATOR_MODEL_PERMISSIONS))
    _set_page_permissions(group, home, TRANSLATOR_PAGE_PERMISSIONS)
    _set_collection_permissions(group, [])
    return group


def setup_roles():
    """Create or update every group; returns {locale or role name: group}."""
    groups = {EDITORS: setup_editors(), MODERATORS: setup_moderators()}
    setup_moderation([groups[EDITORS], groups[MODERATORS]])
    for locale in translation_locales():
        groups[locale] = setup_translators(locale)
    return groups
