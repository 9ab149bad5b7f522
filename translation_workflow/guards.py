"""Refusals the page permissions alone cannot express, wired in through Wagtail's hooks.

- A translatable snippet can only be edited by someone who works in its language.
- Deleting pages needs Wagtail's 'Delete pages with children' permission (Editors only):
  Wagtail otherwise lets anyone who may edit and publish a page delete it.
- wagtail-localize's per-translation tools (string edits, PO files, machine translation,
  preview, stop) check page permissions for pages but only the model permission for
  snippets, so each is reached through `guarded`, which first checks the language.
- 'Convert to alias page' puts the source language back on a translated page's live URL;
  like deleting, it is for Editors.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.models import Page, TranslatableMixin
from wagtail_localize.models import Translation

from translation_workflow.access import can_delete_pages, working_locales


def refuse(request, message):
    """Wagtail's way of saying no: back to the dashboard with a message (403 for scripts)."""
    if request.headers.get("x-requested-with") == "XMLHttpRequest":
        raise PermissionDenied(message)
    messages.error(request, message)
    return redirect("wagtailadmin_home")


def refuse_snippet_outside_own_languages(request, instance):
    """before_edit_snippet hook."""
    if not isinstance(instance, TranslatableMixin):
        return None
    if instance.locale not in working_locales(request.user):
        message = _("You can only edit %(things)s in the languages you work in.")
        return refuse(request, message % {"things": instance._meta.verbose_name_plural})
    return None


def refuse_snippets_outside_own_languages(request, instances):
    """before_delete_snippet hook (it receives a list, also from bulk deletion)."""
    for instance in instances:
        response = refuse_snippet_outside_own_languages(request, instance)
        if response is not None:
            return response
    return None


def refuse_page_deletion(request, page):
    """before_delete_page hook."""
    if not can_delete_pages(request.user, page):
        return refuse(request, _("Only editors can delete pages."))
    return None


def refuse_bulk_page_deletion(request, action_type, objects, action_class_instance):
    """before_bulk_action hook."""
    pages = [item for item in objects if isinstance(item, Page)]
    if action_type == "delete" and any(not can_delete_pages(request.user, p) for p in pages):
        return refuse(request, _("Only editors can delete pages."))
    return None


def guarded(view):
    """Wrap a wagtail-localize view taking `translation_id`: refuse other languages first."""

    @wraps(view)
    def guarded_view(request, translation_id, *args, **kwargs):
        translation = get_object_or_404(Translation, pk=translation_id)
        if translation.target_locale not in working_locales(request.user):
            raise PermissionDenied
        return view(request, translation_id, *args, **kwargs)

    return guarded_view


def as_destructive_as_deleting(view):
    """Wrap wagtail-localize's 'Convert to alias page': it replaces a translation with the
    source language on the live site, so it needs the same permission as deleting the page."""

    @wraps(view)
    def guarded_view(request, page_id, *args, **kwargs):
        page = get_object_or_404(Page, pk=page_id)
        if not can_delete_pages(request.user, page):
            return refuse(request, _("Only editors can turn a translation back into an alias."))
        return view(request, page_id, *args, **kwargs)

    return guarded_view
