"""schema.org JSON-LD builders for episodes, organisations, people and breadcrumbs.

Each page type says which of them describe it, in its `structured_data()` method."""

from urllib.parse import urljoin

from django.utils.html import strip_tags

from citymakers.addresses import absolute_url
from livecasts.safe_urls import safe_web_address
from livecasts.schedule import CANCELLED, MOVED, POSTPONED, SCHEDULED

SCHEMA = "https://schema.org"
EVENT_STATUS = {
    SCHEDULED: "EventScheduled",
    POSTPONED: "EventPostponed",
    CANCELLED: "EventCancelled",
    MOVED: "EventRescheduled",
}


def episode_event(episode, request):
    broadcast = episode.broadcast
    timed = not broadcast.time_to_be_announced
    page_url = episode.get_full_url(request)
    event = {
        "@context": SCHEMA,
        "@type": "Event",
        "name": episode.title,
        "description": episode.summary,
        "url": page_url,
        "inLanguage": episode.locale.language_code,
        "startDate": broadcast.starts_at.isoformat() if timed else broadcast.date.isoformat(),
        "eventAttendanceMode": f"{SCHEMA}/OnlineEventAttendanceMode",
        "eventStatus": f"{SCHEMA}/{EVENT_STATUS[broadcast.status]}",
        "location": {"@type": "VirtualLocation", "url": episode.offered_livestream_url or page_url},
        "organizer": [
            organisation_summary(page, request) for page, _link in episode.organisations_in_language
        ],
        "performer": [
            {"@type": "Person", "name": person.name}
            for person, _role in episode.speakers_in_language
        ],
    }
    if timed:
        event["endDate"] = broadcast.ends_at.isoformat()
    if safe_web_address(episode.recording_url) and episode.state.is_past:
        event["recordedIn"] = recording(episode)
        captions = [caption(episode, page_url, code) for code, _name in episode.captions_languages]
        if captions:
            event["recordedIn"]["caption"] = captions
    if broadcast.previous_start is not None:
        event["previousStartDate"] = broadcast.previous_start.isoformat()
    if episode.hero_image_id:
        rendition = episode.hero_image.get_rendition("fill-1200x675|format-jpeg")
        event["image"] = absolute_url(rendition.url, request)
    return event


def recording(episode):
    """The recording the page offers, from the episode's Recording field, with its chapters
    and its transcript."""
    video = {
        "@type": "VideoObject",
        "name": episode.title,
        "url": safe_web_address(episode.recording_url),
    }
    clips = [clip(moment) for moment in episode.chapter_moments]
    if clips:
        video["hasPart"] = clips
    if episode.transcript_moments:
        video["transcript"] = transcript_text(episode.transcript_moments)
    return video


def transcript_text(moments):
    """The transcript as plain text: a line of its own for each passage, with its speaker."""
    return "\n".join(
        f"{moment.person.name}: {moment.text}" if moment.person else moment.text
        for moment in moments
    )


def caption(episode, page_url, language):
    """A caption file of the recording, as the page's captions route serves it."""
    return {
        "@type": "MediaObject",
        "contentUrl": urljoin(
            page_url, episode.reverse_subpage("captions", kwargs={"language": language})
        ),
        "encodingFormat": "text/vtt",
        "inLanguage": language,
    }


def clip(moment):
    """A chapter as a schema.org Clip: offsets in seconds from the start of the recording."""
    return {
        "@type": "Clip",
        "name": moment.title,
        "startOffset": moment.start,
        "endOffset": moment.end,
        "url": moment.link,
    }


def organisation_summary(page, request):
    return {
        "@type": "Organization",
        "name": page.title,
        "url": safe_web_address(page.website) or page.get_full_url(request),
    }


def organisation(page, request):
    data = {"@context": SCHEMA, **organisation_summary(page, request)}
    data["description"] = strip_tags(page.description)
    if page.logo_id:
        data["logo"] = absolute_url(page.logo.get_rendition("max-400x400|format-png").url, request)
    return data


def person(person, url, request):
    """A speaker's page: who they are, with their own website as `sameAs`."""
    data = {"@context": SCHEMA, "@type": "Person", "name": person.name, "url": url}
    if person.profession:
        data["jobTitle"] = person.profession
    if person.bio:
        data["description"] = person.bio
    website = safe_web_address(person.website)
    if website:
        data["sameAs"] = website
    if person.photo_id:
        rendition = person.photo.get_rendition("fill-600x600|format-jpeg")
        data["image"] = absolute_url(rendition.url, request)
    return data


def breadcrumb_list(trail, request):
    """The same trail of pages the breadcrumb navigation shows, first to last."""
    return {
        "@context": SCHEMA,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": crumb.title,
                "item": crumb.get_full_url(request),
            }
            for position, crumb in enumerate(trail, start=1)
        ],
    }
