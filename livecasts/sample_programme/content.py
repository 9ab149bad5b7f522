"""What the generated programme says. Everything is derived from an episode's number, so a
second run makes the same episodes, and every title says it is generated sample content."""

import datetime
import uuid

GENERATED_NAMESPACE = uuid.UUID("5d1c7a0e-2b8f-4c36-9e51-7f0a3b6d2c18")

SERIES_SLUG = "generated-programme"
SERIES_TITLE = "Generated programme (sample)"
SERIES_STRAP_LINE = "Generated sample content for benchmarks and manual testing"
SERIES_INTRO = "<p>Every episode, speaker and city in this series is generated sample content.</p>"

PEOPLE_COUNT = 12
# Sample cities keep real clocks, so local start times differ from Amsterdam's.
CITY_TIME_ZONES = [
    "Europe/Paris",
    "Europe/Athens",
    "Europe/Warsaw",
    "Europe/Madrid",
    "Europe/Lisbon",
    "Europe/Helsinki",
    "Europe/London",
    "Europe/Bucharest",
]
SPEAKERS_PER_EPISODE = 3
EVENING = datetime.time(19, 0)


def generated_key(kind, name):
    """The translation key of generated `kind` ("page", "person", "city") called `name`."""
    return uuid.uuid5(GENERATED_NAMESPACE, f"{kind}:{name}")


def series_key():
    return generated_key("page", "series")


def episode_key(number):
    return generated_key("page", f"episode:{number}")


def episode_slug(number):
    return f"episode-{number:04d}"


def person(index):
    return {
        "key": generated_key("person", index),
        "name": f"Generated speaker {index + 1} (sample)",
        "profession": "Sample profile, generated",
        "bio": f"An invented speaker, number {index + 1}, made by generate_programme.",
    }


def city(index):
    return {
        "key": generated_key("city", index),
        "name": f"Generated city {index + 1} (sample)",
        "country": "Sample country",
        "time_zone": CITY_TIME_ZONES[index],
    }


def broadcast_date(number, anchor):
    """Alternately after and before `anchor`, one day further out every second episode: the
    programme always has a past and a future, whatever its size."""
    days = (number + 1) // 2
    return anchor + datetime.timedelta(days=days if number % 2 else -days)


def start_time(number):
    return None if number % 3 == 0 else EVENING  # every third one: time to be announced


def speaker_indexes(number):
    return [(number * step + offset) % PEOPLE_COUNT for step, offset in ((1, 0), (5, 1), (7, 2))]


def episode_text(number, city_name):
    return {
        "title": f"Generated episode {number} (sample)",
        "summary": f"Generated sample episode {number}, broadcast from {city_name}, "
        "made for benchmarks and manual testing.",
        "heading": f"What episode {number} is about",
        "paragraph": f"<p>A paragraph of <b>generated</b> text for episode {number}.</p>",
        "quote": f"A generated quote from episode {number}.",
        "call_to_action": "More generated episodes",
    }
