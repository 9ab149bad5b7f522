"""Word stems per language, so an inflected form finds its base form ("αθηνας" finds "Αθήνα",
"warszawie" finds "Warszawa", "cities" finds "city").

Stemming happens here in Python, on folded words, for both the indexed text and the query:
SQLite's full-text search has no stemmer, and PostgreSQL has one text-search configuration for
the whole index and no Polish stemmer at all. Both backends then match whole words only."""

import re
import threading

import snowballstemmer

SNOWBALL_ALGORITHMS = {
    "en": "english",
    "nl": "dutch",
    "fr": "french",
    "el": "greek",
    "pl": "polish",
    "es": "spanish",
}

# Dutch plurals that change their vowel are a closed class no suffix stripper can reach.
IRREGULAR_FORMS = {
    "nl": {"steden": "stad", "schepen": "schip", "leden": "lid", "smeden": "smid"},
}

WORD = re.compile(r"\w+")

# A Snowball stemmer keeps the word it works on in itself: one per thread.
_per_thread = threading.local()


def _stemmer(language):
    stemmers = _per_thread.__dict__.setdefault("stemmers", {})
    if language not in stemmers:
        algorithm = SNOWBALL_ALGORITHMS.get(language)
        stemmers[language] = snowballstemmer.stemmer(algorithm) if algorithm else None
    return stemmers[language]


def stem(word, language):
    """The stem of a folded word in a language (the word itself for a language without one)."""
    word = IRREGULAR_FORMS.get(language, {}).get(word, word)
    stemmer = _stemmer(language)
    return stemmer.stemWord(word) if stemmer else word


def words(text):
    return WORD.findall(text)


def stems_of(text, language):
    """The stems of a folded text's words that differ from the words themselves, each once.

    A stem's own stem is kept too: Snowball does not always stop at one step ("ciudades" stems
    to "ciudad", "ciudad" to "ciud"), and a query is stemmed once, so "ciudad" then finds a
    page that says "ciudades"."""
    unique = dict.fromkeys(words(text))
    stems = dict.fromkeys(stem(word, language) for word in unique)
    stems_of_stems = (stem(found, language) for found in list(stems))
    stems.update(dict.fromkeys(stems_of_stems))
    return [found for found in stems if found not in unique]
