"""A sitemap of every live, public page in every locale, each listing its translations."""

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class LocalisedPagesSitemap(Sitemap):
    """Wagtail's sitemap covers one locale's tree; ours covers all, with hreflang alternates."""

    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        pages = Page.objects.none()
        for root in roots:
            pages |= Page.objects.descendant_of(root, inclusive=True)
        return pages.live().public().order_by("path").defer_streamfields().select_related("locale")

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        locations = {item.pk: item.get_full_url(self.request) for item in pages}
        alternates = {}
        for item in pages:
            alternates.setdefault(item.translation_key, []).append(
                {"lang_code": item.locale.language_code, "location": locations[item.pk]}
            )
        for group in alternates.values():
            default = next((a for a in group if a["lang_code"] == "en"), group[0])
            group.append({"lang_code": "x-default", "location": default["location"]})
        urls = [
            {
                "item": item,
                "location": locations[item.pk],
                "lastmod": item.last_published_at or item.latest_revision_created_at,
                "alternates": alternates[item.translation_key],
            }
            for item in pages
            if locations[item.pk]
        ]
        lastmods = [url["lastmod"] for url in urls]
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls
