"""The transcript of a recording: the rules its lines follow, as editors and translators type
them, and the line a search for a spoken phrase finds."""

import re

from django.utils.translation import gettext_lazy as _

from livecasts.chapters import TimeWording
from search.folding import with_stems
from search.matching import stemmed

# Anything that looks like an HTML or XML tag ("<b>", "</p>", "<script src=…>", "<br/>"); a
# lone "<" as in "3 < 4" is text.
TAG = re.compile(r"<\s*/?\s*[A-Za-z][^<>]*>")
# wagtail-localize keeps a line break of plain text as <br> in its segments.
LINE_BREAK = re.compile(r"<\s*br\s*/?\s*>", re.IGNORECASE)

LINE_WORDING = TimeWording(
    after_end=_(
        "This line starts at or after the end of the recording (%(end)s, from the episode's "
        "duration); check the time or the duration."
    ),
    same_time=_("Another line of the transcript already starts at %(time)s."),
    out_of_order=_(
        "Transcript lines must be in order: this one starts before the line above it (%(time)s)."
    ),
)
MARKUP_MESSAGE = _(
    "Write what was said as plain text, without tags such as <b> or <p>: the transcript is "
    "shown exactly as typed."
)


def contains_markup(text):
    return bool(TAG.search(text or ""))


def translation_contains_markup(data):
    """A translated segment as wagtail-localize stores it: its line breaks are <br>."""
    return contains_markup(LINE_BREAK.sub("\n", data or ""))


def is_transcript_text(path):
    """Whether a segment's field path ("transcript_lines.<uuid>.text") is a line's text."""
    parts = (path or "").split(".")
    return len(parts) == 3 and parts[0] == "transcript_lines" and parts[2] == "text"


def line_saying(moments, terms, language):
    """The first transcript moment whose text holds every word of the folded search `terms`
    (by stem, as the search matches pages), or None."""
    wanted = stemmed(terms, language).split()
    if not wanted:
        return None
    for moment in moments:
        said = set(with_stems(moment.text, language).split())
        if all(word in said for word in wanted):
            return moment
    return None
