"""The Editors group and one Translators group per non-source language, defined in one place.

`setup_roles()` makes the groups match these definitions exactly, so running it again changes
nothing and permissions granted to these groups by hand are taken back.
"""

from django.contrib.auth.models import Group, Permission
from django.utils.translation import get_language_info
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Locale, Page

from livecasts.translation.access import ordered_locales

EDITORS = "Editors"
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

# Translators edit and publish what already exists in their language: no adding, no deleting.
TRANSLATOR_PAGE_PERMISSIONS = ["change", "publish"]
TRANSLATOR_MODEL_PERMISSIONS = [
    *ADMIN_ACCESS,
    *[
        ("livecasts", f"{action}_{model}")
        for model in SNIPPET_MODELS
        for action in ("change", "view")
    ],
]


def translator_group_name(locale):
    return TRANSLATORS_PREFIX + get_language_info(locale.language_code)["name"]


def translated_locales():
    source = Locale.get_default()
    return [locale for locale in ordered_locales() if locale != source]


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


def setup_translators(locale):
    """The group for one language: its pages from that language's home page down, nothing else."""
    home = Page.objects.get(depth=2, locale=locale)
    group, _created = Group.objects.get_or_create(name=translator_group_name(locale))
    group.permissions.set(_permissions(TRANSLATOR_MODEL_PERMISSIONS))
    _set_page_permissions(group, home, TRANSLATOR_PAGE_PERMISSIONS)
    _set_collection_permissions(group, [])
    return group


def setup_roles():
    """Create or update every group; returns {locale or None: group}, None being the Editors."""
    groups = {None: setup_editors()}
    for locale in translated_locales():
        groups[locale] = setup_translators(locale)
    return groups
