"""Which pages are private, answered without asking the database on every request.

Wagtail looks a page's view restrictions up on each request (its own serve hook and ours in
page_cache), and `.public()` reads every restriction for each listing. Restrictions change
rarely and each change empties the page cache's generation, so the restricted sections are
remembered under it; where none covers a page, the answer is known without a query."""

from wagtail.models import Page, PageViewRestriction

from citymakers.content_generation import kept_until_content_changes


def _restricted_sections():
    def read():
        return {
            "paths": list(PageViewRestriction.objects.values_list("page__path", flat=True)),
            # An alias follows its original's restrictions, wherever that is in the tree.
            "aliases": Page.objects.filter(alias_of__isnull=False).exists(),
        }

    return kept_until_content_changes("restricted-sections", read)


def may_be_restricted(page):
    sections = _restricted_sections()
    if not sections["paths"]:
        return False
    return sections["aliases"] or page.path.startswith(tuple(sections["paths"]))


def public(pages):
    """`pages.public()`, without the query when no page on the site is restricted."""
    return pages.public() if _restricted_sections()["paths"] else pages


class RememberedViewRestrictionsMixin:
    """For page models: no query for the restrictions of a page that no restriction covers."""

    def get_view_restrictions(self):
        if not may_be_restricted(self):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
