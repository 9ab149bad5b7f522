"""Word stems per language, so an inflected form finds its base form ("αθηνας" finds "Αθήνα",
"warszawie" finds "Warszawa", "cities" finds "city").

Stemming happens here in Python, on folded words, for both the indexed text and the query:
SQLite's full-text search has no stemmer, and PostgreSQL has one text-search configuration for
the whole index and no Polish stemmer at all. Both backends then match whole words only."""

import functools
import re

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


@functools.cache
def _stemmer(language):
    algorithm = SNOWBALL_ALGORITHMS.get(language)
    return snowballstemmer.stemmer(algorithm) if algorithm else None


def stem(word, language):
    """The stem of a folded word in a language (the word itself for a language without one)."""
    word = IRREGULAR_FORMS.get(language, {}).get(word, word)
    stemmer = _stemmer(language)
    return stemmer.stemWord(word) if stemmer else word


def words(text):
    return WORD.findall(text)


def stems_of(text, language):
    """The stems of a folded text's words that differ from the words themselves, each once."""
    unique = dict.fromkeys(words(text))
    stems = (stem(word, language) for word in unique)
    return [found for found in dict.fromkeys(stems) if found not in unique]


def word_forms(word, languages):
    """A folded query word and its stems in the given languages, each once."""
    return list(dict.fromkeys([word, *(stem(word, language) for language in languages)]))
