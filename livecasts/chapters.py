"""Times into the recording, for chapters and transcript lines: what editors type ("1:02:30",
"12:05"), what is stored (seconds), the rules a list of them follows (in order, no two at once,
within the recording) and the moments readers jump to."""

import re
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from livecasts.safe_urls import safe_web_address
from livecasts.video import parse_video_url

TIME_PATTERN = re.compile(r"^(?:(\d{1,2}):)?(\d{1,2}):(\d{2})$")


def parse_time(text):
    """Seconds from "h:mm:ss" or "mm:ss"; ValueError for anything else ("1:75", "abc")."""
    match = TIME_PATTERN.match(text.strip())
    if match is None:
        raise ValueError(text)
    hours, minutes, seconds = (int(part or 0) for part in match.groups())
    if seconds > 59 or (match.group(1) is not None and minutes > 59):
        raise ValueError(text)
    return hours * 3600 + minutes * 60 + seconds


def format_time(seconds):
    """ "h:mm:ss" from an hour on, "m:ss" before: as video players show times."""
    hours, rest = divmod(int(seconds), 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{seconds:02d}"
    return f"{minutes}:{seconds:02d}"


def iso_duration(seconds):
    """An ISO 8601 duration ("PT1H2M5S"), as schema.org's Clip offsets accept."""
    return f"PT{int(seconds)}S"


class ChapterTimeFormField(forms.CharField):
    """A text box for a time into the recording; cleans to seconds."""

    default_error_messages = {
        "invalid": _(
            "Enter the time as hours:minutes:seconds or minutes:seconds, e.g. 1:05:30 or 12:05."
        ),
    }

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "numeric", "placeholder": "0:00", "size": 8})

    def prepare_value(self, value):
        return format_time(value) if isinstance(value, int) else value

    def to_python(self, value):
        text = super().to_python(value)
        if text in self.empty_values:
            return None
        try:
            return parse_time(text)
        except ValueError:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None


class ChapterTimeField(models.PositiveIntegerField):
    """Seconds into the recording, typed and shown as a time."""

    def formfield(self, **kwargs):
        # Field's own formfield: IntegerField's would add number bounds a text box cannot take.
        return models.Field.formfield(self, **{"form_class": ChapterTimeFormField, **kwargs})


@dataclass(frozen=True)
class TimeWording:
    """What the rules of `time_errors` say when broken, in the words of what is timed."""

    after_end: str  # with %(end)s
    same_time: str  # with %(time)s
    out_of_order: str  # with %(time)s


CHAPTER_WORDING = TimeWording(
    after_end=_(
        "This chapter starts at or after the end of the recording (%(end)s, from the "
        "episode's duration); check the time or the duration."
    ),
    same_time=_("Another chapter already starts at %(time)s."),
    out_of_order=_(
        "Chapters must be in order: this one starts before the chapter above it (%(time)s)."
    ),
)


def time_errors(starts, duration_minutes, wording=CHAPTER_WORDING):
    """{position: message} for the starts (seconds, in the editor's order) of chapters or
    transcript lines that break the rules: each within the recording, each after the one
    before it."""
    errors = {}
    end = duration_minutes * 60 if duration_minutes else None
    previous = None
    for position, start in enumerate(starts):
        if end is not None and start >= end:
            errors[position] = wording.after_end % {"end": format_time(end)}
        elif previous is not None and start == previous:
            errors[position] = wording.same_time % {"time": format_time(start)}
        elif previous is not None and start < previous:
            errors[position] = wording.out_of_order % {"time": format_time(previous)}
        previous = start if previous is None else max(previous, start)
    return errors


@dataclass(frozen=True)
class Moment:
    """A chapter or a transcript line as readers meet it: in their language, with its end and
    its addresses."""

    start: int
    end: int
    words: str  # the chapter's title or the line's text
    person: object  # a Person in the page's language, or None
    link: str  # the recording at this moment, for readers without the embedded player
    player_url: str  # the embedded player starting at this moment, or ""

    @property
    def time_text(self):
        return format_time(self.start)

    @property
    def title(self):
        return self.words

    @property
    def text(self):
        return self.words


def moments(
    items_and_people,
    recording_url,
    duration_minutes,
    words=lambda item: item.title,
    captions_language=None,
):
    """Moments from (chapter or line, person) pairs in order: each ends where the next starts,
    the last at the end of the recording. `words` reads what the item says; the player shows
    captions in `captions_language`, if given."""
    if not items_and_people:
        return []
    video = parse_video_url(recording_url)
    address = safe_web_address(recording_url) or ""
    starts = [item.start for item, _person in items_and_people]
    ends = [*starts[1:], max(duration_minutes * 60, starts[-1])]
    return [
        Moment(
            start=item.start,
            end=end,
            words=words(item),
            person=person,
            link=video.watch_url_at(item.start) if video else address,
            player_url=video.player_url_at(item.start, captions_language) if video else "",
        )
        for (item, person), end in zip(items_and_people, ends, strict=True)
    ]
