"""An episode's status and broadcast time in words, in the active language.

The page, its listings, the feeds and the calendars all say the same thing, so the wording
lives here once."""

from django.utils.formats import date_format, time_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from livecasts.schedule import CANCELLED, MOVED, POSTPONED, SCHEDULED

STATUS_CHOICES = [
    (SCHEDULED, gettext_lazy("Scheduled")),
    (POSTPONED, gettext_lazy("Postponed")),
    (CANCELLED, gettext_lazy("Cancelled")),
    (MOVED, gettext_lazy("Moved")),
]
STATUS_LABELS = dict(STATUS_CHOICES)


def headline(title, status):
    """The title as feeds and calendars show it: a changed episode says so up front."""
    if status == SCHEDULED:
        return title
    return _("%(status)s: %(title)s") % {"status": STATUS_LABELS[status], "title": title}


def when(broadcast):
    """'17 December 2020 · 16:00–17:30 Amsterdam time', or the date and 'Time to be announced'
    (only while the day is still ahead: an episode that has taken place gives its date alone)."""
    day = date_format(broadcast.date, "DATE_FORMAT")
    if broadcast.time_to_be_announced:
        return day if broadcast.state().is_past else f"{day} · {_('Time to be announced')}"
    hours = _("%(start)s–%(end)s Amsterdam time") % {
        "start": time_format(broadcast.starts_at, "TIME_FORMAT"),
        "end": time_format(broadcast.ends_at, "TIME_FORMAT"),
    }
    return f"{day} · {hours}"


def status_sentence(broadcast):
    """What a reader must know about a changed episode; empty for a scheduled one."""
    if broadcast.status == CANCELLED:
        return _("This episode has been cancelled.")
    if broadcast.status == POSTPONED:
        return _("This episode has been postponed; the new date will be announced.")
    if broadcast.status == MOVED and broadcast.previous_date:
        return _("This episode has moved. It was planned for %(previous)s.") % {
            "previous": previous_slot(broadcast)
        }
    return ""


def previous_slot(broadcast):
    day = date_format(broadcast.previous_date, "DATE_FORMAT")
    if broadcast.previous_start_time is None:
        return day
    return _("%(date)s at %(time)s Amsterdam time") % {
        "date": day,
        "time": time_format(broadcast.previous_start_time, "TIME_FORMAT"),
    }
