"""The public search: live pages of the reader's language, paginated."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.template.response import TemplateResponse
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale, Page

from citymakers.view_restrictions import public
from search.folding import MAX_QUERY_LENGTH, MAX_QUERY_WORDS, search_terms

RESULTS_PER_PAGE = 10


def search(request):
    """(Control characters in `q` never get here: citymakers/query_parameters.py.)"""
    raw = request.GET.get("q", "")
    query = " ".join(raw.split()[:MAX_QUERY_WORDS])[:MAX_QUERY_LENGTH]
    terms = search_terms(raw)
    results = Page.objects.none()
    if terms:
        locale = Locale.get_active()
        pages = public(Page.objects.live()).filter(locale=locale).exclude(depth__lte=1)
        results = pages.specific().search(terms)
        Query.get(terms).add_hit()
    paginator = Paginator(results, RESULTS_PER_PAGE)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        page = paginator.page(1)
    except EmptyPage:
        page = paginator.page(paginator.num_pages)
    return TemplateResponse(
        request,
        "search/search.html",
        {"search_query": query, "search_results": page, "paginator": paginator},
    )
