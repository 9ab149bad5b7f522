"""Accent- and case-insensitive search text, the same for every database backend.

Pages index a folded copy of their words and the search view folds the query, so
"Athenes" finds "Athènes" and "ΑΘΗΝΑ" finds "Αθήνα" on SQLite and PostgreSQL alike."""

import unicodedata

from django.utils.html import strip_tags

TEXT_FIELDS = ("title", "strap_line", "summary", "intro", "description", "search_description")


def fold(text):
    decomposed = unicodedata.normalize("NFKD", text or "")
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return bare.casefold()


def folded_page_text(page):
    """Every word a reader could search this page by, folded."""
    parts = [strip_tags(getattr(page, name, "") or "") for name in TEXT_FIELDS]
    body = getattr(page, "body", None)
    if body is not None:
        parts += type(page)._meta.get_field("body").get_searchable_content(body)
    parts += page.extra_search_text()
    return fold(" ".join(part for part in parts if part))
