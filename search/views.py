"""The public search: editors' promotions, then live pages of the reader's language, paginated;
pages in other languages only when the reader's language has none."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.template.response import TemplateResponse
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Page

from citymakers.view_restrictions import public
from livecasts.localization import active_locale
from livecasts.transcript import line_saying
from search.folding import MAX_QUERY_LENGTH, MAX_QUERY_WORDS, search_terms
from search.matching import matching
from search.other_languages import results_in_other_languages
from search.promotions import promotions_for

RESULTS_PER_PAGE = 10


def search(request):
    """(Control characters in `q` never get here: citymakers/query_parameters.py.)"""
    raw = request.GET.get("q", "")
    query = " ".join(raw.split()[:MAX_QUERY_WORDS])[:MAX_QUERY_LENGTH]
    terms = search_terms(raw)
    locale = active_locale()
    searchable = public(Page.objects.live()).exclude(depth__lte=1)
    context = {"search_query": query, "promotions": [], "other_languages": []}
    results = Page.objects.none()
    if terms:
        Query.get(terms).add_hit()
        context["promotions"] = promotions_for(query, terms, locale)
        in_language = matching(terms, locale.language_code)
        if in_language is not None:
            results = searchable.filter(locale=locale).specific().search(in_language)
    paginator = Paginator(results, RESULTS_PER_PAGE)
    if terms and not paginator.count:
        others = searchable.exclude(locale=locale)
        context["other_languages"] = results_in_other_languages(others, terms)
    shown = page_of(paginator, request)
    with_lines_said(shown, terms, locale.language_code)
    context.update(paginator=paginator, search_results=shown)
    return TemplateResponse(request, "search/search.html", context)


def with_lines_said(results, terms, language):
    """Sets `said` on each episode found: the transcript moment that says what was searched
    for, or None."""
    for result in results:
        moments = getattr(result, "transcript_moments", None)
        if moments is not None:
            result.said = line_saying(moments, terms, language)


def page_of(paginator, request):
    try:
        return paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)
