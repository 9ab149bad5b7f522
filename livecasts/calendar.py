"""iCalendar output: one episode as an .ics download, a series as a subscribable calendar.

Events carry stable UIDs (translation key + language), so downloading or refreshing again
updates the reader's calendar entry instead of adding a second one. An episode whose time is
still to be announced becomes an all-day event on its date. SEQUENCE is the episode's
`calendar_sequence` (raised on publish when the time, status or livestream changes, see
livecasts/facts.py) and STATUS follows the episode's status, so subscribed calendars move or
cancel the event; LAST-MODIFIED is the last publish, DTSTAMP the time the file was made.
A series calendar holds every episode not yet over and the latest CALENDAR_PAST_EPISODES before
them, so it stays small however long the series runs; it is made once per schedule period
(citymakers/cache_lifetimes.py), as a long schedule makes it long.
"""

import datetime

from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vDuration

from citymakers.cache_lifetimes import kept_until_schedule_changes
from citymakers.public_caching import cache_publicly
from livecasts.broadcast_text import headline
from livecasts.localization import with_cities_in_their_language
from livecasts.schedule import CANCELLED, POSTPONED, may_not_be_over

# Wagtail's page URLs allow no dot, so site/urls.py hands ".../calendar.ics" to Wagtail's serve
# view; the routable page then sees "calendar.ics/" and reverses this pattern to "calendar.ics".
CALENDAR_ROUTE = r"^calendar\.ics/?$"

PRODID = "-//City Makers//Livecasts//EN"
UID_DOMAIN = "citymakers"
REFRESH_INTERVAL = datetime.timedelta(hours=12)
CALENDAR_PAST_EPISODES = 50
EVENT_STATUS = {CANCELLED: "CANCELLED", POSTPONED: "TENTATIVE"}  # CONFIRMED otherwise


def episode_uid(episode):
    """The same for every download of this episode in this language."""
    return f"episode-{episode.translation_key}-{episode.locale.language_code}@{UID_DOMAIN}"


def episode_event(episode, request=None):
    """A VEVENT in the episode's own language, linking to its page in that language."""
    url = episode.get_full_url(request)
    broadcast = episode.broadcast
    if broadcast.time_to_be_announced:
        start, end = broadcast.date, broadcast.date + datetime.timedelta(days=1)
    else:
        start, end = broadcast.starts_at, broadcast.ends_at
    city = episode.localized_city
    return Event.new(
        uid=episode_uid(episode),
        summary=headline(episode.title, episode.status),
        description="\n\n".join(
            part for part in (episode.status_sentence, episode.summary, url) if part
        ),
        url=url,
        location=episode.offered_livestream_url or _("Online"),
        start=start,
        end=end,
        status=EVENT_STATUS.get(episode.status, "CONFIRMED"),
        sequence=episode.calendar_sequence,
        stamp=timezone.now(),
        last_modified=episode.last_published_at or episode.latest_revision_created_at,
        categories=[city.name] if city else (),
    )


def build_calendar(episodes, request=None, *, uid, name=None, description=None):
    """A PUBLISH calendar of the given episodes with the VTIMEZONE data their times need."""
    calendar = Calendar.new(
        prodid=PRODID, method="PUBLISH", uid=uid, name=name, description=description
    )
    for episode in episodes:
        calendar.add_component(episode_event(episode, request))
    dates = [episode.date for episode in episodes]
    if dates:
        # Transitions for the years the episodes span are enough, and keep the file small.
        calendar.add_missing_timezones(
            first_date=datetime.date(min(dates).year, 1, 1),
            last_date=datetime.date(max(dates).year + 1, 12, 31),
        )
    return calendar


def calendar_response(body, filename, *, as_attachment):
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(as_attachment, filename)
    return response


def episode_calendar_response(episode, request):
    """The .ics download offered on an episode's page."""
    # No calendar name: some clients would make a new calendar for a single imported event.
    calendar = build_calendar([episode], request, uid=f"calendar-{episode_uid(episode)}")
    filename = f"{episode.slug}-{episode.locale.language_code}.ics"
    body = calendar.to_ical()
    return cache_publicly(calendar_response(body, filename, as_attachment=True), episode)


def series_calendar_episodes(series):
    """The latest past episodes and every one not yet over, in broadcast order."""
    not_over = may_not_be_over(timezone.now())
    episodes = series.episodes().defer_streamfields()
    past = episodes.exclude(not_over).reverse()[:CALENDAR_PAST_EPISODES]
    episodes = [*list(past)[::-1], *episodes.filter(not_over)]
    return with_cities_in_their_language(episodes)


def series_calendar_response(series, request):
    """The series' episodes (see series_calendar_episodes), for calendar apps to subscribe to."""
    language = series.locale.language_code
    key = f"series-calendar:{series.pk}:{request.get_host()}"
    body = kept_until_schedule_changes(key, lambda: series_calendar(series, request).to_ical())
    filename = f"{series.slug}-{language}.ics"
    return cache_publicly(calendar_response(body, filename, as_attachment=False), series)


def series_calendar(series, request):
    calendar = build_calendar(
        series_calendar_episodes(series),
        request,
        uid=f"series-{series.translation_key}-{series.locale.language_code}@{UID_DOMAIN}",
        name=series.title,
        description=series.strap_line or None,
    )
    calendar.refresh_interval = REFRESH_INTERVAL
    calendar.add("X-PUBLISHED-TTL", vDuration(REFRESH_INTERVAL))  # Outlook's refresh hint
    return calendar
