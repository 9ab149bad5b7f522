"""WebVTT caption files: a strict reader for what editors upload, and a writer for captions made
from a transcript.

The reader accepts UTF-8 (with or without a byte order mark), the `WEBVTT` signature, NOTE,
STYLE and REGION blocks, and cues whose timing lines read `[hh:]mm:ss.ttt --> [hh:]mm:ss.ttt`
with optional settings; each cue ends after it starts, cues come in the order of their start,
and there is at least one. Whatever breaks a rule raises WebVTTError naming the line, in the
active language. The writer escapes what it is given, so typed text stays text: it can add no
tag, no timing line and no blank line that would end a cue early."""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

TIMESTAMP = r"(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})"
TIMING_LINE = re.compile(rf"^{TIMESTAMP}[ \t]+-->[ \t]+{TIMESTAMP}(?:[ \t]+.*)?$")
SIGNATURE = re.compile(r"^WEBVTT(?:[ \t].*)?$")
OTHER_BLOCK = re.compile(r"^(?:NOTE|STYLE|REGION)(?:[ \t].*)?$")
LINE_BREAKS = re.compile(r"\r\n|\r|\n")
TIMING_EXAMPLE = "00:01:05.000 --> 00:01:09.500"


class WebVTTError(ValueError):
    """What is wrong with a caption file, and on which line (counting from 1)."""

    def __init__(self, line, message):
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass(frozen=True)
class Cue:
    start: float
    end: float
    text: str  # the cue's payload as written, markup included
    line: int  # of its timing line


def read(data):
    """The cues of a WebVTT file given as bytes; WebVTTError if the file breaks a rule."""
    lines = _decoded_lines(data)
    if not SIGNATURE.match(lines[0]):
        raise WebVTTError(
            1, _("Line 1 must start with “WEBVTT”: this is not a WebVTT caption file.")
        )
    cues = []
    for first, block in _blocks(lines):
        cue = _cue(first, block, previous=cues[-1] if cues else None)
        if cue is not None:
            cues.append(cue)
    if not cues:
        raise WebVTTError(
            len(lines),
            _("Line %(line)s: the file ends without a single cue.") % {"line": len(lines)},
        )
    return cues


def _decoded_lines(data):
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise WebVTTError(
            line,
            _("Line %(line)s is not UTF-8 text: save the file as UTF-8 and upload it again.")
            % {"line": line},
        ) from None
    lines = LINE_BREAKS.split(text.removeprefix("\ufeff"))
    for number, line in enumerate(lines, start=1):
        if "\x00" in line:  # UTF-16 without a byte order mark decodes as UTF-8 with NULs
            raise WebVTTError(
                number,
                _("Line %(line)s is not UTF-8 text: save the file as UTF-8 and upload it again.")
                % {"line": number},
            )
    return lines


def _blocks(lines):
    """(number of its first line, its lines) for each block after the header."""
    block, first = [], None
    for number, line in enumerate(lines, start=1):
        if line.strip():
            first = first or number
            block.append(line)
        elif block:
            yield first, block
            block, first = [], None
    if block:
        yield first, block


def _cue(first, block, previous):
    if first == 1:
        _check_header(block)
        return None
    if OTHER_BLOCK.match(block[0]):
        return None  # a comment, style or region block
    offset = 0 if "-->" in block[0] else 1
    number = first + offset
    if offset == 1 and (len(block) < 2 or "-->" not in block[1]):
        raise WebVTTError(
            number,
            _("Line %(line)s should be a cue's timing line, such as “%(example)s”.")
            % {"line": number, "example": TIMING_EXAMPLE},
        )
    start, end = _timing(block[offset], number)
    _check_order(start, end, number, previous)
    payload = block[offset + 1 :]
    for position, text in enumerate(payload, start=number + 1):
        if "-->" in text:
            raise WebVTTError(
                position,
                _(
                    "Line %(line)s contains “-->” inside a cue's text: leave a blank line before "
                    "the next cue's timing line."
                )
                % {"line": position},
            )
    return Cue(start, end, "\n".join(payload), number)


def _check_header(block):
    for number, line in enumerate(block[1:], start=2):
        if "-->" in line:
            raise WebVTTError(
                number,
                _("Line %(line)s: leave a blank line between the “WEBVTT” line and the first cue.")
                % {"line": number},
            )


def _timing(line, number):
    match = TIMING_LINE.match(line.strip())
    if match is None:
        raise WebVTTError(
            number,
            _(
                "Line %(line)s is not a valid timing line: write it as “%(example)s” "
                "(hours are optional, the milliseconds are not)."
            )
            % {"line": number, "example": TIMING_EXAMPLE},
        )
    parts = [int(part or 0) for part in match.groups()]
    return _seconds(*parts[:4]), _seconds(*parts[4:])


def _seconds(hours, minutes, seconds, milliseconds):
    return hours * 3600 + minutes * 60 + seconds + milliseconds / 1000


def _check_order(start, end, number, previous):
    if end <= start:
        raise WebVTTError(
            number,
            _("Line %(line)s: the cue ends at %(end)s, which is not after its start (%(start)s).")
            % {"line": number, "end": timestamp(end), "start": timestamp(start)},
        )
    if previous is not None and start < previous.start:
        raise WebVTTError(
            number,
            _(
                "Line %(line)s: this cue starts at %(start)s, before the cue above it "
                "(%(previous)s); cues must be in the order of their start."
            )
            % {"line": number, "start": timestamp(start), "previous": timestamp(previous.start)},
        )


def timestamp(seconds):
    """ "hh:mm:ss.ttt", as WebVTT writes times."""
    milliseconds = round(seconds * 1000)
    hours, milliseconds = divmod(milliseconds, 3_600_000)
    minutes, milliseconds = divmod(milliseconds, 60_000)
    seconds, milliseconds = divmod(milliseconds, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{milliseconds:03d}"


@dataclass(frozen=True)
class TimedLine:
    start: float
    end: float
    text: str
    speaker: str = ""


def escape(text):
    """Text as WebVTT cue text: `&`, `<` and `>` as character references, NUL replaced."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\x00", "\ufffd")
    )


def _payload(text, speaker):
    """The cue text: typed line breaks kept, blank lines (which would end the cue) left out."""
    lines = [escape(line.strip()) for line in LINE_BREAKS.split(text) if line.strip()]
    if not lines:
        return ""
    name = " ".join(escape(speaker).split())
    if name:
        return f"<v {name}>" + "\n".join(lines) + "</v>"
    return "\n".join(lines)


def write(timed_lines):
    """A WebVTT file (str) with one cue per TimedLine that has text, in the order given."""
    parts = ["WEBVTT", ""]
    for line in timed_lines:
        payload = _payload(line.text, line.speaker)
        if payload:
            parts += [f"{timestamp(line.start)} --> {timestamp(line.end)}", payload, ""]
    return "\n".join(parts)
