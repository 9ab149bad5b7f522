"""When an episode happens and what state it is in, computed from the clock, never stored.

The editor's status (scheduled, postponed, cancelled, moved) is stored; the state (upcoming,
live, past) follows from it and the clock: a postponed or cancelled episode is never live."""

import datetime
import zoneinfo
from dataclasses import dataclass

from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

PROGRAMME_TIME_ZONE = zoneinfo.ZoneInfo("Europe/Amsterdam")


class EpisodeState(models.TextChoices):
    """Where an episode stands now. The value names it in CSS classes and the API; the label
    is what readers and editors see."""

    UPCOMING = "upcoming", _("Upcoming")
    LIVE = "live", _("Live now")
    PAST = "past", _("Past")

    # Templates cannot name a member, so they ask the state itself.
    @property
    def is_upcoming(self):
        return self is EpisodeState.UPCOMING

    @property
    def is_live(self):
        return self is EpisodeState.LIVE

    @property
    def is_past(self):
        return self is EpisodeState.PAST


SCHEDULED, POSTPONED, CANCELLED, MOVED = "scheduled", "postponed", "cancelled", "moved"
NOT_HAPPENING = (POSTPONED, CANCELLED)


# Broadcast order: by date, a time to be announced before any time that day, then by number;
# the same on every database (they disagree on where NULL sorts).
BROADCAST_ORDER = ("date", F("start_time").asc(nulls_first=True), "number")


def broadcast_order_before(episode):
    """A filter for the episodes that come before `episode` in broadcast order."""
    if episode.start_time is None:
        earlier_that_day = Q(start_time__isnull=True, number__lt=episode.number)
    else:
        earlier_that_day = (
            Q(start_time__isnull=True)
            | Q(start_time__lt=episode.start_time)
            | Q(start_time=episode.start_time, number__lt=episode.number)
        )
    return Q(date__lt=episode.date) | Q(earlier_that_day, date=episode.date)


def upcoming_or_latest(episodes, limit):
    """(episodes, upcoming?): the next `limit` episodes not yet over, or, when none is left,
    the latest `limit` ones. `episodes` is a queryset in broadcast order."""
    upcoming, _more, _recent_past = by_the_clock(episodes, timezone.now(), limit)
    if upcoming:
        return upcoming, True
    return list(episodes.reverse()[:limit]), False


def by_the_clock(episodes, now, limit, count_more=False):
    """(the first `limit` episodes not yet over, live ones first; how many more there are, if
    `count_more`; those of the last two days that are over, latest first) for a queryset in
    broadcast order. Only episodes dated up to tomorrow (and multi-day ones) need the clock to
    place them; later ones are upcoming by their date and read `limit` at a time, so the cost
    grows neither with the archive nor with the schedule."""
    tomorrow = now.astimezone(PROGRAMME_TIME_ZONE).date() + datetime.timedelta(days=1)
    placed = list(episodes.filter(may_not_be_over(now), date__lte=tomorrow))
    soon = [episode for episode in placed if not episode.state.is_past]
    soon.sort(key=lambda episode: not episode.state.is_live)
    recent_past = [episode for episode in placed if episode.state.is_past][::-1]
    later = episodes.filter(date__gt=tomorrow)
    upcoming = soon + list(later[: max(0, limit - len(soon))])
    more = max(0, len(soon) + later.count() - limit) if count_more else 0
    return upcoming[:limit], more, recent_past


def may_not_be_over(now):
    """A filter for episodes that may still start or end after `now`: dated from yesterday on,
    or lasting a day or more. Any other episode ended before today began."""
    yesterday = now.astimezone(PROGRAMME_TIME_ZONE).date() - datetime.timedelta(days=1)
    return Q(date__gte=yesterday) | Q(duration_minutes__gte=24 * 60)


def next_state_change(broadcasts, now):
    """The first moment after `now` at which any of the broadcasts starts or ends, or None."""
    moments = (moment for broadcast in broadcasts for moment in broadcast.state_changes)
    return min((moment for moment in moments if moment > now), default=None)


@dataclass(frozen=True)
class Broadcast:
    """An episode's slot: a date in Amsterdam, with or without a start time, and its status.
    A moved episode's slot is the new one; `previous_date`/`previous_start_time` the old one."""

    date: datetime.date
    start_time: datetime.time | None
    duration_minutes: int
    status: str = SCHEDULED
    previous_date: datetime.date | None = None
    previous_start_time: datetime.time | None = None

    @property
    def is_happening(self):
        """False for a postponed or cancelled episode: never live, no livestream to offer."""
        return self.status not in NOT_HAPPENING

    @property
    def previous_start(self):
        """Where a moved episode used to be: an aware datetime, a date if it had no time."""
        if self.status != MOVED or self.previous_date is None:
            return None
        if self.previous_start_time is None:
            return self.previous_date
        start = datetime.datetime.combine(self.previous_date, self.previous_start_time)
        return start.replace(tzinfo=PROGRAMME_TIME_ZONE)

    @property
    def time_to_be_announced(self):
        return self.start_time is None

    @property
    def starts_at(self):
        """Aware start in Amsterdam time; midnight when the time is not yet known."""
        start = datetime.datetime.combine(self.date, self.start_time or datetime.time())
        return start.replace(tzinfo=PROGRAMME_TIME_ZONE)

    @property
    def ends_at(self):
        if self.time_to_be_announced:
            next_day = datetime.datetime.combine(
                self.date + datetime.timedelta(days=1), datetime.time()
            )
            return next_day.replace(tzinfo=PROGRAMME_TIME_ZONE)
        return self.starts_at + datetime.timedelta(minutes=self.duration_minutes)

    @property
    def state_changes(self):
        """The moments its state flips: start and end, or only the end of the day without a time."""
        if self.time_to_be_announced:
            return (self.ends_at,)
        return (self.starts_at, self.ends_at)

    def state(self, now=None):
        now = now or timezone.now()
        if self.time_to_be_announced or not self.is_happening:
            # Without a time or a broadcast nothing is live: upcoming until its slot is over.
            return EpisodeState.UPCOMING if now < self.ends_at else EpisodeState.PAST
        if now < self.starts_at:
            return EpisodeState.UPCOMING
        if now < self.ends_at:
            return EpisodeState.LIVE
        return EpisodeState.PAST

    def local_start(self, time_zone_name):
        """The start in another city's clock, or None when the time is unknown or the same."""
        if self.time_to_be_announced or not time_zone_name:
            return None
        local = self.starts_at.astimezone(zoneinfo.ZoneInfo(time_zone_name))
        if local.utcoffset() == self.starts_at.utcoffset():
            return None
        return local
