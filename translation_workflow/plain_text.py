"""Checks on translated text that must stay plain text (a transcript line), before
wagtail-localize stores it.

wagtail-localize keeps every translation as inline HTML and, when it builds a plain-text field,
drops the tags: "<b>Yes</b>" would be published as "Yes", and "<script>" would be kept back as
an error in English. The string endpoint of its translation editor and the PO file upload are
reached through these checks instead (translation_workflow/urls.py): a line with tags is
refused with a message in the translator's language, and nothing is stored.
"""

from functools import wraps

from django.utils.translation import gettext as _
from wagtail_localize.models import StringSegment

from livecasts.transcript import MARKUP_MESSAGE, is_transcript_text, translation_contains_markup
from translation_workflow.overrides import refused, submitted_value


def is_refused(path, value):
    """Whether `value`, translated for the segment at field path `path`, may not be stored."""
    return is_transcript_text(path) and value is not None and translation_contains_markup(value)


def checked_string(view):
    """Wrap wagtail-localize's edit_string_translation: refuse a transcript line with tags."""

    @wraps(view)
    def checked_view(request, translation_id, string_segment_id, *args, **kwargs):
        if request.method == "PUT":
            segment = StringSegment.objects.filter(pk=string_segment_id)
            path = segment.values_list("context__path", flat=True).first()
            if is_transcript_text(path) and is_refused(path, submitted_value(request)):
                return refused(MARKUP_MESSAGE)
        return view(request, translation_id, string_segment_id, *args, **kwargs)

    return checked_view


def markup_refusal(po):
    """The message refusing a PO file with a transcript line that has tags, or None."""
    for entry in po:
        if not entry.obsolete and is_refused(entry.msgctxt, entry.msgstr):
            return _(
                "A transcript line in this PO file has tags (“%(text)s”). %(rule)s Nothing was "
                "imported."
            ) % {"text": entry.msgstr[:80], "rule": MARKUP_MESSAGE}
    return None
