"""Captions for an episode's recording: which languages have them, the file for one language
(the editor's upload, or made from that language's transcript), and the rules a caption file
must pass before an editor can offer it."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _

from citymakers.content_generation import kept_until_content_changes
from citymakers.public_caching import cache_publicly
from citymakers.view_restrictions import public
from livecasts import webvtt
from livecasts.localization import episode_transcript
from livecasts.models.captions import EpisodeCaptionTrack
from livecasts.models.transcript import EpisodeTranscriptLine

LANGUAGE_NAMES = dict(settings.WAGTAIL_CONTENT_LANGUAGES)
# Only the site's languages match, so an unknown code finds no route (and fills no cache).
CAPTIONS_ROUTE = rf"^captions/(?P<language>{'|'.join(map(re.escape, LANGUAGE_NAMES))})\.vtt/?$"
CONTENT_TYPE = "text/vtt; charset=utf-8"
MAX_CAPTION_BYTES = 5 * 1024 * 1024


def is_caption_file(name):
    return name.lower().endswith(".vtt")


def check_caption_file(file):
    """ValidationError, naming the line, unless `file` (an open file or upload) is a WebVTT
    file the site can offer."""
    file.seek(0)
    data = file.read(MAX_CAPTION_BYTES + 1)
    file.seek(0)
    if len(data) > MAX_CAPTION_BYTES:
        raise ValidationError(_("A caption file may be at most 5 MB."), code="captions_too_large")
    try:
        webvtt.read(data)
    except webvtt.WebVTTError as error:
        raise ValidationError(error.message, code="invalid_captions") from None


def check_caption_document(document):
    """ValidationError unless the document is a .vtt file that passes check_caption_file."""
    if not is_caption_file(document.file.name):
        raise ValidationError(_("Choose a WebVTT caption file (a name ending in .vtt)."))
    try:
        with document.open_file() as file:
            check_caption_file(file)
    except OSError:
        raise ValidationError(
            _("The file of this document cannot be read: upload it again.")
        ) from None


def _live_translations(episode):
    """The episode in every language it is published and public in."""
    return public(episode.get_translations(inclusive=True).live())


def captions_languages(episode):
    """Language codes, in the site's order, with an uploaded track or a live translation with a
    transcript: read once per content change."""
    return kept_until_content_changes(
        f"episode-captions:{episode.pk}", lambda: _read_captions_languages(episode)
    )


def _tracks(episode):
    """The uploaded tracks of every live version of the episode. Tracks are the same in every
    language, but a translation gets its copies only when it is next synced: the source's
    reach its readers at once."""
    return EpisodeCaptionTrack.objects.filter(page__in=_live_translations(episode))


def _read_captions_languages(episode):
    found = set(_tracks(episode).values_list("language", flat=True))
    found.update(
        EpisodeTranscriptLine.objects.filter(page__in=_live_translations(episode))
        .values_list("page__locale__language_code", flat=True)
        .distinct()
    )
    return [code for code in LANGUAGE_NAMES if code in found]


def transcript_captions(episode, language):
    """A WebVTT file (str) from the transcript of the episode's live translation in `language`,
    or None when there is none: each line until the next starts, the last until the end of
    the recording, each at least a second."""
    translation = _live_translations(episode).filter(locale__language_code=language).first()
    if translation is None:
        return None
    lines_and_people = episode_transcript(translation)
    if not lines_and_people:
        return None
    lines = [line for line, _person in lines_and_people]
    speakers = [person.name if person else "" for _line, person in lines_and_people]
    starts = [line.start for line in lines]
    ends = [*starts[1:], episode.duration_minutes * 60]
    return webvtt.write(
        webvtt.TimedLine(start, max(end, start + 1), line.text, speaker)
        for line, start, end, speaker in zip(lines, starts, ends, speakers, strict=True)
    )


def uploaded_captions(episode, language):
    """The bytes of the episode's uploaded track in `language`, or None."""
    tracks = _tracks(episode).filter(language=language).select_related("document")
    # The page's own track first, then the others' (the source's, when it is not yet synced).
    track = min(tracks, key=lambda track: track.page_id != episode.pk, default=None)
    if track is None:
        return None
    try:
        with track.document.open_file() as file:
            return file.read()
    except OSError:  # the file went missing from storage: offer the transcript's instead
        return None


def captions_response(episode, language):
    """The captions file for `language`, kept by browsers and CDNs like the calendar."""
    body = uploaded_captions(episode, language) or transcript_captions(episode, language)
    if body is None:
        raise Http404(_("This recording has no captions in this language."))
    response = HttpResponse(body, content_type=CONTENT_TYPE)
    response["X-Content-Type-Options"] = "nosniff"
    return cache_publicly(response, episode)
