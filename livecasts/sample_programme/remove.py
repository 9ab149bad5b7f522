"""Remove everything generate_programme made, and nothing else: the generated series in every
language (its episodes with it), the generated people and cities, and wagtail-localize's
records of them, down to source strings that nothing else uses."""

from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import String, StringSegment, TranslatableObject

from livecasts.models import City, Person
from livecasts.sample_programme import content
from livecasts.sample_programme.source import snippet_keys


def remove_generated_programme():
    """Delete the generated programme; returns how many pages were deleted."""
    with transaction.atomic():
        all_series = Page.objects.filter(translation_key=content.series_key())
        pages = Page.objects.none()
        for series in all_series:
            pages |= Page.objects.descendant_of(series, inclusive=True)
        page_keys = set(pages.values_list("translation_key", flat=True))
        keys = page_keys | set(snippet_keys())
        string_ids = set(
            StringSegment.objects.filter(source__object__in=keys).values_list("string", flat=True)
        )
        deleted = pages.count()
        # Each language's series with its episodes; the source language's last.
        source_locale = Locale.get_default()
        for series in sorted(all_series, key=lambda page: page.locale_id == source_locale.pk):
            series.delete()
        Person.objects.filter(translation_key__in=keys).delete()
        City.objects.filter(translation_key__in=keys).delete()
        TranslatableObject.objects.filter(translation_key__in=keys).delete()
        String.objects.filter(pk__in=string_ids, segments__isnull=True).delete()
    return deleted
