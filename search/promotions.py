"""Editors' promoted results (wagtail.contrib.search_promotions) for a reader's query."""

from dataclasses import dataclass

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from citymakers.view_restrictions import public


@dataclass
class Promotion:
    title: str
    description: str
    page: Page | None = None
    url: str = ""
    language: str = ""  # set when the page is not in the reader's language


def promotions_for(query, terms, locale):
    """The promotions editors chose for the query as typed or as folded, in their order; a
    promoted page in the reader's language where it has a live translation, else as promoted."""
    query_strings = {normalise_query_string(query), terms}
    picks = list(
        SearchPromotion.objects.filter(query__query_string__in=query_strings)
        .select_related("page")
        .order_by("sort_order", "pk")
    )
    versions = readable_versions({pick.page.translation_key for pick in picks if pick.page})
    promotions = (as_promotion(pick, versions, locale) for pick in picks)
    return [promotion for promotion in promotions if promotion]


def as_promotion(pick, versions, locale):
    if pick.page is None:
        text = pick.external_link_text or pick.external_link_url
        return Promotion(text, pick.description, url=pick.external_link_url)
    key = pick.page.translation_key
    page = versions.get((key, locale.pk)) or versions.get((key, pick.page.locale_id))
    if page is None:  # unpublished or restricted since it was promoted
        return None
    language = "" if page.locale_id == locale.pk else page.locale.language_code
    return Promotion(page.title, pick.description, page=page, language=language)


def readable_versions(translation_keys):
    """Every live, public version of these pages in any language, by (key, locale id)."""
    if not translation_keys:
        return {}
    pages = public(Page.objects.live()).filter(translation_key__in=translation_keys)
    return {(page.translation_key, page.locale_id): page for page in pages.select_related("locale")}
