"""Accent- and case-insensitive search text, the same for every database backend.

Pages index a folded copy of their words, with those words' stems in the page's language, and
the search view folds the query, so "Athenes" finds "Athènes" and "ΑΘΗΝΑ" finds "Αθήνα" on
SQLite and PostgreSQL alike."""

import unicodedata

from django.utils.html import strip_tags

from search.stemming import stems_of

# A reader's query: at most this many words and characters, counted after folding, which can
# make text much longer (U+FDFA alone folds to 18 characters and 4 words).
MAX_QUERY_WORDS = 32
MAX_QUERY_LENGTH = 200

TEXT_FIELDS = ("title", "strap_line", "summary", "intro", "description", "search_description")


def fold(text):
    decomposed = unicodedata.normalize("NFKD", text or "")
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return bare.casefold()


def search_terms(query):
    """The folded words to search for: folded first, then cut."""
    words = fold(query[: MAX_QUERY_LENGTH * 4]).split()[:MAX_QUERY_WORDS]
    return " ".join(words)[:MAX_QUERY_LENGTH].strip()


def folded_page_text(page):
    """Every word a reader could search this page by, folded, then their stems."""
    parts = [strip_tags(getattr(page, name, "") or "") for name in TEXT_FIELDS]
    body = getattr(page, "body", None)
    if body is not None:
        parts += type(page)._meta.get_field("body").get_searchable_content(body)
    parts += page.extra_search_text()
    return with_stems(" ".join(part for part in parts if part), page.locale.language_code)


def folded_title(page):
    """The title's words, folded, then their stems: the backends boost only the title as typed,
    which a stemmed query does not match."""
    return with_stems(page.title, page.locale.language_code)


def with_stems(text, language):
    folded = fold(text)
    return " ".join([folded, *stems_of(folded, language)])
