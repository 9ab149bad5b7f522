"""Results in other languages, for a reader whose own language has none."""

from dataclasses import dataclass

from django.conf import settings

from livecasts.localization import site_locales
from search.matching import matching_in_any_language

MAX_RESULTS = 20


@dataclass
class LanguageResults:
    code: str
    pages: list


def results_in_other_languages(pages, terms):
    """`pages` (none of them in the reader's language) that match `terms` as stemmed in any
    language, grouped by language in the site's order of languages; titles only, as the pages
    come unspecific (a query per page type saved)."""
    query = matching_in_any_language(terms)
    if query is None:
        return []
    found = list(pages.search(query)[:MAX_RESULTS])
    if not found:
        return []
    languages = {locale.pk: code for code, locale in site_locales().items()}
    grouped = {code: [] for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
    for page in found:
        grouped.setdefault(languages[page.locale_id], []).append(page)
    return [LanguageResults(code, pages) for code, pages in grouped.items() if pages]
