"""Results in other languages, for a reader whose own language has none."""

from dataclasses import dataclass

from django.conf import settings
from wagtail.models import Locale

from search.matching import ALL_LANGUAGES, matching

MAX_RESULTS = 20


@dataclass
class LanguageResults:
    code: str
    pages: list


def results_in_other_languages(pages, terms):
    """`pages` (none of them in the reader's language) that match `terms` in any language's
    forms, grouped by language in the site's order of languages."""
    query = matching(terms, ALL_LANGUAGES)
    if query is None:
        return []
    found = list(pages.specific().search(query)[:MAX_RESULTS])
    if not found:
        return []
    languages = dict(Locale.objects.values_list("pk", "language_code"))
    grouped = {code: [] for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
    for page in found:
        grouped.setdefault(languages[page.locale_id], []).append(page)
    return [LanguageResults(code, found) for code, found in grouped.items() if found]
