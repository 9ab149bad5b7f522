"""Which languages a user may work in, read from Wagtail's page permissions.

A user may work in a language when they may edit pages of it: a 'change' permission on the
root page covers every language (Editors), one on a language's home page covers that language
(Translators). Snippets and translation tools follow the same rule, so page permissions stay
the single place where a translator's language is set.
"""

from django.conf import settings
from wagtail.models import Locale
from wagtail.permissions import page_permission_policy


def ordered_locales():
    """Locales in the order of WAGTAIL_CONTENT_LANGUAGES (English first)."""
    order = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    return sorted(
        Locale.objects.all(),
        key=lambda locale: order.index(locale.language_code)
        if locale.language_code in order
        else len(order),
    )


def translation_locales():
    """Every language except the source, in the site's order."""
    source = Locale.get_default()
    return [locale for locale in ordered_locales() if locale != source]


def working_locales(user, *, include_source=True):
    """The languages this person may work in, in the site's order."""
    if not user.is_active or user.is_anonymous:
        return []
    locales = translation_locales() if not include_source else ordered_locales()
    if user.is_superuser:
        return locales
    edited_pages = [
        grant.page
        for grant in page_permission_policy.get_cached_permissions_for_user(user)
        if grant.permission.codename == "change_page"
    ]
    if any(page.is_root() for page in edited_pages):
        return locales
    edited_locale_ids = {page.locale_id for page in edited_pages}
    return [locale for locale in locales if locale.pk in edited_locale_ids]


def is_translator(user):
    """Works in some languages but not in the source language: a translator, not an editor."""
    locales = working_locales(user)
    return bool(locales) and Locale.get_default() not in locales


def can_delete_pages(user, page):
    """Deleting needs Wagtail's 'Delete pages with children' permission, which only Editors hold."""
    return page_permission_policy.user_has_permission_for_instance(user, "bulk_delete", page)
