"""Sample episodes in every state a reader can meet, for the browser gates: upcoming, live
now, recorded and cancelled, each in English and Greek. Built into the browser test server's
own database (see site_server.build_database), dated relative to the moment it is built.

They are labelled as samples; no real event is described."""

import datetime

from django.utils import timezone
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource
from wagtail_localize.operations import TranslationCreator

from livecasts.schedule import CANCELLED, PROGRAMME_TIME_ZONE

RECORDING = "https://www.youtube.com/watch?v=aqz-KE-bpKQ"  # Blender's public sample film
GREEK = {
    "Sample episode: upcoming": "Δείγμα επεισοδίου: προσεχώς",
    "Sample episode: live now": "Δείγμα επεισοδίου: σε ζωντανή μετάδοση",
    "Sample episode: recorded": "Δείγμα επεισοδίου: με βιντεοσκόπηση",
    "Sample episode: cancelled": "Δείγμα επεισοδίου: ακυρώθηκε",
    "Sample chapter: opening": "Δείγμα κεφαλαίου: έναρξη",
    "Sample chapter: the first guest": "Δείγμα κεφαλαίου: ο πρώτος καλεσμένος",
    "Sample chapter: questions": "Δείγμα κεφαλαίου: ερωτήσεις",
    "A sample episode for testing; it describes no real event.": (
        "Ένα δείγμα επεισοδίου για δοκιμές· δεν περιγράφει πραγματική εκδήλωση."
    ),
}
# The recorded sample's chapters: (seconds into the recording, title).
CHAPTERS = [
    (0, "Sample chapter: opening"),
    (95, "Sample chapter: the first guest"),
    (300, "Sample chapter: questions"),
]
# slug: how each state is made, relative to now in Amsterdam.
STATES = {
    "sample-upcoming": {"starts_in": datetime.timedelta(days=30)},
    "sample-live": {"starts_in": -datetime.timedelta(minutes=10), "duration_minutes": 600},
    "sample-recorded": {
        "starts_in": -datetime.timedelta(days=30),
        "recording_url": RECORDING,
        "chapters": CHAPTERS,
    },
    "sample-cancelled": {"starts_in": datetime.timedelta(days=20), "status": CANCELLED},
}


def add_episodes_in_every_state(series_slug="infected-cities"):
    from livecasts.models import SeriesPage

    series = SeriesPage.objects.get(slug=series_slug, locale__language_code="en")
    for number, (slug, how) in enumerate(STATES.items(), start=91):
        episode = add_episode(series, number, slug, **how)
        translate_sample(episode, "el")
        if slug == "sample-recorded":  # a player in Polish too (tests/browser/test_layout.py)
            translate_sample(episode, "pl")


def add_episode(series, number, slug, starts_in, chapters=(), **facts):
    from livecasts.models import EpisodeChapter, EpisodePage

    start = (timezone.now() + starts_in).astimezone(PROGRAMME_TIME_ZONE)
    episode = EpisodePage(
        title=f"Sample episode: {slug.removeprefix('sample-').replace('live', 'live now')}",
        slug=slug,
        number=number,
        date=start.date(),
        start_time=start.time().replace(second=0, microsecond=0),
        summary="A sample episode for testing; it describes no real event.",
        chapters=[EpisodeChapter(start=start, title=title) for start, title in chapters],
        **facts,
    )
    series.add_child(instance=episode)
    episode.save_revision().publish()
    return episode


def translate_sample(episode, language):
    """As a translator would: every segment filled in the editor, then published. Only Greek
    has its own words here; in another language the segments keep the English text."""
    locale = Locale.objects.get(language_code=language)
    TranslationCreator(None, [locale]).create_translations(episode)
    source = TranslationSource.objects.get_for_instance(episode)
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        text = segment.string.data
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": GREEK.get(text, text) if language == "el" else text},
        )
    source.create_or_update_translation(locale, publish=False)
    episode.get_translation(locale).get_latest_revision().publish()
