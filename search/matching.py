"""What a search asks the backend: every word of the query, each in any of its forms."""

from django.conf import settings
from wagtail.search.query import And, Or, PlainText

from search.folding import MAX_QUERY_WORDS
from search.stemming import word_forms, words

ALL_LANGUAGES = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def matching(terms, languages):
    """A query for pages holding every word of the folded `terms`, as typed or as its stem in
    any of `languages` (the pages index their words and their stems alike); None when `terms`
    holds no word at all."""
    query_words = words(terms)[:MAX_QUERY_WORDS]
    if not query_words:
        return None
    alternatives = [word_forms(word, languages) for word in query_words]
    return And([Or([PlainText(form) for form in forms]) for forms in alternatives])
