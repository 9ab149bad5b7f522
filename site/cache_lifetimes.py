"""No cached copy outlives the next moment an episode goes live or ends.

An episode's state (upcoming, live, past) is computed from the clock, so every page, feed,
calendar and API response that shows it is only true until the next start or end of any
live episode, in any language. That moment is looked up once per page-cache generation (a
publish moves the generation on, so a changed schedule is seen at once) and once more each
time it passes; `cap_cache_lifetime` shortens max-age, s-maxage and Expires to it.

Until that moment, and within the same programme day, whatever the clock decides on a page
(which episodes are upcoming, what a broadcast box offers, an event's status) stays the same:
`schedule_period()` names that stretch of time, so that such parts can be kept for it."""

import math
import re
import time

from django.apps import apps
from django.core.cache import caches
from django.db import DatabaseError
from django.utils import timezone
from django.utils.cache import get_max_age, patch_cache_control
from django.utils.functional import SimpleLazyObject
from django.utils.http import http_date, parse_http_date_safe

from citymakers.content_generation import current as current_generation
from citymakers.content_generation import kept_until_content_changes
from livecasts.schedule import (
    PROGRAMME_TIME_ZONE,
    Broadcast,
    may_not_be_over,
    next_state_change,
)

# Without a change ahead nothing flips until a publish, which starts a new generation anyway.
QUIET_RECHECK_SECONDS = 3600
# While the database is down (a cached page served from Redis) the next change is unknown.
OUTAGE_MAX_AGE = 60
S_MAXAGE = re.compile(r"\bs-maxage=(\d+)")


def _broadcasts_not_over(now):
    slots = (
        apps.get_model("livecasts", "EpisodePage")
        .objects.live()
        .filter(may_not_be_over(now))
        .values_list("date", "start_time", "duration_minutes")
    )
    return [Broadcast(*slot) for slot in slots]


def next_episode_state_change(generation):
    """The next start or end of any live episode, or None; one query per generation and change."""
    key = f"page-cache:{generation}:next-state-change"
    now = timezone.now()
    cached = caches["content"].get(key)
    if cached is not None and (cached[0] is None or cached[0] > now):
        return cached[0]
    moment = next_state_change(_broadcasts_not_over(now), now)
    timeout = _seconds_until(moment, now) if moment else QUIET_RECHECK_SECONDS
    caches["content"].set(key, (moment,), timeout)
    return moment


def schedule_period(generation=None):
    """The programme day and the next start or end of an episode: until either changes, what
    the clock decides on any page stays the same."""
    moment = next_episode_state_change(generation or current_generation())
    today = timezone.now().astimezone(PROGRAMME_TIME_ZONE).date()
    return f"{today.isoformat()}/{moment.timestamp() if moment else 'none'}"


def kept_until_schedule_changes(key, build):
    """`build()`, kept until the next content change, episode start or end, or new day."""
    return kept_until_content_changes(f"{key}@{schedule_period()}", build)


def for_templates(request):
    """Context processor: `schedule_period` for the keys of `{% cache %}` fragments that show
    what the clock decides."""
    return {"schedule_period": SimpleLazyObject(schedule_period)}


def _seconds_until(moment, now):
    """Whole seconds left, rounded down so that nothing is kept past the moment itself."""
    return max(0, math.floor((moment - now).total_seconds()))


def seconds_until_state_change(generation):
    """Seconds until the next episode state change, or None when no change is ahead."""
    return seconds_until(next_episode_state_change(generation))


def cap_cache_lifetime(response, generation):
    """Shorten the response's max-age, s-maxage and Expires to the next state change."""
    max_age = get_max_age(response)
    if not max_age:
        return response
    try:
        seconds = seconds_until_state_change(generation)
    except DatabaseError:  # the schedule cannot be read: let copies live only briefly
        seconds = min(max_age, OUTAGE_MAX_AGE)
    return limit_lifetime(response, seconds)


def seconds_until(moment):
    """Whole seconds from now until `moment`, or None for no moment."""
    return None if moment is None else _seconds_until(moment, timezone.now())


def limit_lifetime(response, seconds):
    """Shorten max-age, s-maxage and Expires to `seconds` (None: leave them)."""
    if seconds is None or not get_max_age(response):
        return response
    patch_cache_control(response, max_age=min(get_max_age(response), seconds))
    s_maxage = S_MAXAGE.search(response.get("Cache-Control", ""))
    if s_maxage and int(s_maxage[1]) > seconds:
        patch_cache_control(response, s_maxage=seconds)
    expires = parse_http_date_safe(response.get("Expires", ""))
    if expires is not None and expires > time.time() + seconds:
        response["Expires"] = http_date(time.time() + seconds)
    return response
