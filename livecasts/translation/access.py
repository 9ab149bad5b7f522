"""Which languages a user may work in, read from Wagtail's page permissions.

A user may work in a language when they may edit pages of it: a 'change' permission on the
root page covers every language (Editors), one on a language's home page covers that language
(Translators). Snippets and translation tools follow the same rule, so page permissions stay
the single place where a translator's language is set.
"""

from django.conf import settings
from wagtail.models import Locale
from wagtail.permissions import page_permission_policy


def locale_ids_for_user(user):
    """The ids of the locales whose content the user may edit."""
    if not user.is_active or user.is_anonymous:
        return set()
    if user.is_superuser:
        return set(Locale.objects.values_list("pk", flat=True))
    ids = set()
    for grant in page_permission_policy.get_cached_permissions_for_user(user):
        if grant.permission.codename != "change_page":
            continue
        if grant.page.is_root():
            return set(Locale.objects.values_list("pk", flat=True))
        ids.add(grant.page.locale_id)
    return ids


def locales_for_user(user):
    return Locale.objects.filter(pk__in=locale_ids_for_user(user)).order_by("language_code")


def can_work_in(user, locale):
    return locale is not None and locale.pk in locale_ids_for_user(user)


def translation_locales_for_user(user):
    """The non-source languages the user works in, in the order the site lists them."""
    source = Locale.get_default()
    return [
        locale for locale in ordered_locales() if locale != source and can_work_in(user, locale)
    ]


def is_translator(user):
    """Works in some languages but not in the source language: a translator, not an editor."""
    ids = locale_ids_for_user(user)
    return bool(ids) and Locale.get_default().pk not in ids


def can_delete_pages(user, page):
    """Deleting needs Wagtail's 'Delete pages with children' permission, which only Editors hold."""
    return page_permission_policy.user_has_permission_for_instance(user, "bulk_delete", page)


def ordered_locales():
    """Locales in the order of WAGTAIL_CONTENT_LANGUAGES (English first)."""
    order = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    locales = list(Locale.objects.all())
    return sorted(
        locales,
        key=lambda locale: order.index(locale.language_code)
        if locale.language_code in order
        else len(order),
    )
