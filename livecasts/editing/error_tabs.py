"""Which tabs of the page editor hold the errors that stopped an autosave.

Wagtail's autosave answers a failed save with one fixed sentence; the tab error counts only
appear after a full save. The editor's script (livecasts/static/livecasts/js/editor-error-tabs.js)
sends the form here when an autosave fails, and shows the answer."""

from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from wagtail.models import Page


@require_POST
def page_error_tabs(request, page_id):
    page = get_object_or_404(Page, id=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    page = page.get_latest_revision_as_object()
    edit_handler = page.get_edit_handler()
    form = edit_handler.get_form_class()(
        request.POST,
        request.FILES,
        instance=page,
        for_user=request.user,
        parent_page=page.get_parent(),
    )
    form.defer_required_fields()  # as an autosave, which saves a draft
    form.is_valid()
    tabs = tabs_with_errors(edit_handler, form)
    return JsonResponse({"tabs": tabs, "message": error_message(tabs)})


def tabs_with_errors(edit_handler, form):
    failed = set(form.errors) | {
        name
        for name, formset in form.formsets.items()
        if any(formset.errors) or formset.non_form_errors()
    }
    return [str(tab.heading) for tab in edit_handler.children if failed & names_in(tab)]


def names_in(tab):
    options = tab.get_form_options()
    return set(options.get("fields", [])) | set(options.get("formsets", {}))


def error_message(tabs):
    if not tabs:
        return ""
    return ngettext(
        "The changes could not be saved: check the %(tabs)s tab.",
        "The changes could not be saved: check the %(tabs)s tabs.",
        len(tabs),
    ) % {"tabs": ", ".join(tabs)}
