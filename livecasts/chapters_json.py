"""An episode's chapters as a Podcasting 2.0 JSON chapters file (chapters.json), the file a
feed's <podcast:chapters> points podcast and video apps at.

Format: https://github.com/Podcastindex-org/podcast-namespace/blob/main/chapters/jsonChapters.md
(version 1.2.0): one file per language, from the same chapters as the episode page's list."""

from django.http import Http404, JsonResponse

from citymakers.public_caching import cache_publicly
from livecasts.people import person_full_url

# Wagtail's page URLs allow no dot, so site/urls.py hands ".../chapters.json" to Wagtail's serve
# view; the routable page then sees "chapters.json/" and reverses this pattern to "chapters.json".
CHAPTERS_JSON_ROUTE = r"^chapters\.json/?$"
CHAPTERS_JSON_ROUTE_NAME = "chapters_json"
CHAPTERS_CONTENT_TYPE = "application/json+chapters"
FORMAT_VERSION = "1.2.0"


def chapters_document(episode, request=None):
    """The JSON chapters object of the episode in its language; a chapter with a speaker links
    to the speaker's page, where there is one."""
    chapters = []
    for moment in episode.chapter_moments:
        chapter = {"startTime": moment.start, "endTime": moment.end, "title": moment.title}
        speaker_page = person_full_url(moment.person, request) if moment.person else ""
        if speaker_page:
            chapter["url"] = speaker_page
        chapters.append(chapter)
    return {"version": FORMAT_VERSION, "title": episode.title, "chapters": chapters}


def chapters_json_response(episode, request):
    """The chapters file, or a 404 (in the reader's language) for an episode without chapters."""
    if not episode.chapter_moments:
        raise Http404
    response = JsonResponse(
        chapters_document(episode, request),
        content_type=CHAPTERS_CONTENT_TYPE,
        json_dumps_params={"ensure_ascii": False},
    )
    return cache_publicly(response, episode)
