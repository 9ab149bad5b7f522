"""The sitemap: an index with one section per language, each listing that language's live,
public pages with all their translations. A section longer than the protocol's 50,000
addresses is split into pages, and the index lists every page."""

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from citymakers.addresses import x_default_address
from livecasts import people
from livecasts.models import PeopleIndexPage


class LocalisedPagesSitemap(Sitemap):
    """Wagtail's sitemap covers the site's own locale; ours covers one language of any, with
    hreflang alternates to every other."""

    def __init__(self, request, language):
        super().__init__(request)
        self.language = language

    def public_pages(self):
        """Live, public pages under the site's root page and under each of its translations."""
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        pages = Page.objects.none()
        for root in roots:
            pages |= Page.objects.descendant_of(root, inclusive=True)
        return pages.live().public().defer_streamfields().select_related("locale")

    def items(self):
        return self.public_pages().filter(locale__language_code=self.language).order_by("path")

    def alternates(self, pages):
        """{translation_key: [{lang_code, location}, ...]} for every live translation + x-default.

        `pages` is one sitemap page's queryset. Translations are looked up across the whole
        site, so a page keeps all its alternates even when they fall on another sitemap page.
        """
        keys = pages.values("translation_key")
        translations = self.public_pages().filter(translation_key__in=keys).order_by("path")
        groups = {}
        for translation in translations:
            location = translation.get_full_url(self.request)
            if location:
                groups.setdefault(translation.translation_key, []).append(
                    {"lang_code": translation.locale.language_code, "location": location}
                )
        for group in groups.values():
            default = x_default_address({a["lang_code"]: a["location"] for a in group})
            group.append({"lang_code": "x-default", "location": default})
        return groups

    def _urls(self, page, protocol, domain):
        pages = self.paginator.page(page).object_list
        alternates = self.alternates(pages)
        urls = []
        for item in pages:
            location = item.get_full_url(self.request)
            if location:
                lastmod = item.last_published_at or item.latest_revision_created_at
                urls.append(
                    {
                        "item": item,
                        "location": location,
                        "lastmod": lastmod,
                        "alternates": alternates.get(item.translation_key, []),
                    }
                )
        urls += self.person_urls(pages)
        lastmods = [url["lastmod"] for url in urls]
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls

    def person_urls(self, pages):
        """Each person's page, after the people index that serves it, in this section's
        language: only the people who have a live record in it."""
        urls = []
        for index in pages:
            if index.specific_class is not PeopleIndexPage:
                continue
            for person in people.people_in(index.locale_id).values():
                location = people.person_full_url(person, self.request)
                if location:
                    urls.append(self.person_entry(person, location))
        return urls

    def person_entry(self, person, location):
        versions = people.person_translations(person, self.request)
        alternates = [{"lang_code": code, "location": full} for code, _url, full in versions]
        default = x_default_address({code: full for code, _url, full in versions})
        alternates.append({"lang_code": "x-default", "location": default})
        return {
            "item": person,
            "location": location,
            "lastmod": person.last_published_at,
            "alternates": alternates,
        }
