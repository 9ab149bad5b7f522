"""A stricter door in front of wagtail-localize's PO file upload.

wagtail-localize imports what it recognises in an uploaded file and silently skips the rest
(and fails on a file without its translation id). A translator should know when their file
does not fit: this view checks the whole file first and, if anything is wrong, refuses it with
a message and changes nothing; a file that fits goes to wagtail-localize's own import.
"""

import contextlib
import os
import tempfile

import polib
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail_localize.models import StringSegment, Translation
from wagtail_localize.views.edit_translation import upload_pofile as localize_upload_pofile
from wagtail_localize.views.edit_translation import user_can_edit_instance

from translation_workflow.plain_text import markup_refusal

TRANSLATION_ID_HEADER = "X-WagtailLocalize-TranslationID"


class POFileRefused(Exception):
    """The uploaded file cannot be imported into this translation; the message says why."""


def read_po_file(uploaded):
    """Parse an uploaded file through a temporary file (polib treats short strings as paths)."""
    if uploaded is None:
        raise POFileRefused(_("Choose a PO file to upload."))
    with tempfile.NamedTemporaryFile(suffix=".po", delete=False) as handle:
        for chunk in uploaded.chunks():
            handle.write(chunk)
    try:
        return polib.pofile(handle.name)
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise POFileRefused(_("This is not a valid PO file, so nothing was imported.")) from error
    finally:
        with contextlib.suppress(OSError):
            os.unlink(handle.name)


def _describe(translation):
    return _("“%(title)s” in %(language)s") % {
        "title": translation.source.object_repr,
        "language": translation.target_locale.get_display_name(),
    }


def check_belongs_to(po, translation):
    exported_for = po.metadata.get(TRANSLATION_ID_HEADER)
    if not exported_for:
        raise POFileRefused(
            _("This PO file was not exported from this translation, so nothing was imported.")
        )
    if exported_for == str(translation.uuid):
        return
    other = Translation.objects.filter(uuid=exported_for).select_related("source").first()
    where = _describe(other) if other else _("a translation that no longer exists")
    raise POFileRefused(
        _("This PO file belongs to %(other)s, not to %(this)s, so nothing was imported.")
        % {"other": where, "this": _describe(translation)}
    )


def check_messages_known(po, translation):
    segments = StringSegment.objects.filter(source=translation.source)
    known = set(segments.values_list("context__path", "string__data"))
    unknown = [
        entry.msgid
        for entry in po
        if not entry.obsolete and (entry.msgctxt, entry.msgid) not in known
    ]
    if unknown:
        raise POFileRefused(
            ngettext(
                "This PO file has %(count)d message that is not in %(this)s (“%(example)s”). "
                "It may be out of date: download the file again. Nothing was imported.",
                "This PO file has %(count)d messages that are not in %(this)s (such as "
                "“%(example)s”). It may be out of date: download the file again. "
                "Nothing was imported.",
                len(unknown),
            )
            % {"count": len(unknown), "this": _describe(translation), "example": unknown[0][:80]}
        )


def check_plain_text(po):
    refusal = markup_refusal(po)
    if refusal:
        raise POFileRefused(refusal)


@require_POST
def upload_pofile(request, translation_id):
    translation = get_object_or_404(Translation, pk=translation_id)
    if not user_can_edit_instance(request.user, translation.get_target_instance()):
        raise PermissionDenied
    uploaded = request.FILES.get("file")
    try:
        po = read_po_file(uploaded)
        check_belongs_to(po, translation)
        check_messages_known(po, translation)
        check_plain_text(po)
    except POFileRefused as refusal:
        messages.error(request, str(refusal))
        next_url = get_valid_next_url_from_request(request) or reverse("wagtailadmin_home")
        return redirect(next_url)
    uploaded.seek(0)
    return localize_upload_pofile(request, translation_id)
