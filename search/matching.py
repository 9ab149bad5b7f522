"""What a search asks the backend: every word of the query, by its stem."""

from django.conf import settings
from wagtail.search.query import Or, PlainText

from search.folding import MAX_QUERY_WORDS
from search.stemming import stem, words

ALL_LANGUAGES = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def stemmed(terms, language):
    """The stems in `language` of the folded `terms`' words (pages index their words' stems
    beside the words)."""
    return " ".join(stem(word, language) for word in words(terms)[:MAX_QUERY_WORDS])


def matching(terms, language):
    """A query for pages holding every word of `terms` as stemmed in `language`; None when
    `terms` holds no word at all."""
    stems = stemmed(terms, language)
    return PlainText(stems, operator="and") if stems else None


def matching_in_any_language(terms):
    """A query for pages holding every word of `terms` as stemmed in one of the site's
    languages; None when `terms` holds no word at all."""
    variants = list(dict.fromkeys(stemmed(terms, language) for language in ALL_LANGUAGES))
    if not variants[0]:
        return None
    return Or([PlainText(stems, operator="and") for stems in variants])
