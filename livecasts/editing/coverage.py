"""Which languages a set of pages exists in, found with one query."""

from collections import defaultdict

from django.conf import settings
from wagtail.models import Page


def translation_coverage(pages):
    """Map each page's translation_key to the language codes it exists in, in settings order."""
    keys = {page.translation_key for page in pages}
    found = defaultdict(set)
    rows = Page.objects.filter(translation_key__in=keys).values_list(
        "translation_key", "locale__language_code"
    )
    for key, language in rows:
        found[key].add(language)
    order = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    return {key: [code for code in order if code in languages] for key, languages in found.items()}
