"""wagtail-localize's records for a set of sources, fetched once: sources, translations,
segment progress per language, and when each translation was last written."""

from collections import Counter

from django.db.models import Max
from wagtail.models import Locale
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationLog,
    TranslationSource,
)


class LocalizeRecords:
    def __init__(self, keys):
        source_locale = Locale.get_default()
        self.sources = {
            source.object_id: source
            for source in TranslationSource.objects.filter(object_id__in=keys, locale=source_locale)
        }
        source_ids = [source.pk for source in self.sources.values()]
        self.translations = {
            (translation.source_id, translation.target_locale_id): translation
            for translation in Translation.objects.filter(source_id__in=source_ids, enabled=True)
        }
        self._count_segments(source_ids, keys)
        self.last_written = {
            (row["source_id"], row["locale_id"]): row["latest"]
            for row in TranslationLog.objects.filter(source_id__in=source_ids)
            .values("source_id", "locale_id")
            .annotate(latest=Max("created_at"))
        }

    def _count_segments(self, source_ids, keys):
        segments = StringSegment.objects.filter(source_id__in=source_ids).values_list(
            "source_id", "string_id", "context_id"
        )
        translated = set(
            StringTranslation.objects.filter(
                context__object_id__in=keys, has_error=False
            ).values_list("translation_of_id", "context_id", "locale_id")
        )
        self.totals = Counter()
        self.done = Counter()
        locale_ids = {locale_id for _string, _context, locale_id in translated}
        for source_id, string_id, context_id in segments:
            self.totals[source_id] += 1
            for locale_id in locale_ids:
                if (string_id, context_id, locale_id) in translated:
                    self.done[(source_id, locale_id)] += 1

    def progress(self, source, locale):
        """(segments in the source, segments translated into `locale`)."""
        return self.totals[source.pk], self.done[(source.pk, locale.pk)]
