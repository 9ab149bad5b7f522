"""How far every translatable page and snippet is translated into each language.

One row per source item (an English page or snippet) and language:

- missing: nothing exists in the language yet (an alias page counts as missing: it serves
  English text);
- out of date: the source was published with changes after the last sync, so an editor
  should sync it;
- in progress: some segments still need a translation;
- ready to publish: every segment is translated, but the live translation predates the
  last sync (or was never published);
- translated: every segment is translated and published.

All figures come from wagtail-localize's own records (TranslationSource, Translation,
StringSegment, StringTranslation, TranslationLog) in a fixed number of queries, plus one
comparison of each source's stored content with its current content.
"""

from dataclasses import dataclass, field

from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from translation_workflow.access import translation_locales
from translation_workflow.records import LocalizeRecords
from translation_workflow.sources import (
    series_membership,
    source_changed,
    source_items,
    translated_instances,
)

MISSING = "missing"
OUTDATED = "outdated"
IN_PROGRESS = "in_progress"
READY = "ready"
TRANSLATED = "translated"

STATUS_CHOICES = [
    (MISSING, _("Missing")),
    (OUTDATED, _("Out of date")),
    (IN_PROGRESS, _("In progress")),
    (READY, _("Ready to publish")),
    (TRANSLATED, _("Translated")),
]
STATUS_LABELS = dict(STATUS_CHOICES)
NEEDS_WORK = (MISSING, OUTDATED, IN_PROGRESS, READY)


@dataclass
class StatusRow:
    """One source item in one language."""

    source: object
    locale: Locale
    status: str
    series: list = field(default_factory=list)
    target: object = None
    record: object = None  # wagtail-localize's TranslationSource, once submitted
    total: int | None = None
    done: int | None = None
    # [(UntranslatedItem, url or None)]: what the page shows untranslated in this language
    untranslated_related: list = field(default_factory=list)

    @property
    def title(self):
        return str(self.source)

    @property
    def kind(self):
        return capfirst(self.source._meta.verbose_name)

    @property
    def language(self):
        return self.locale.get_display_name()

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]

    @property
    def percent(self):
        """Share of segments translated, in whole percent; None when nothing is synced."""
        if self.total is None:
            return None
        if self.total == 0:
            return 100
        return self.done * 100 // self.total

    @property
    def untranslated_related_names(self):
        return "; ".join(str(item) for item, _url in self.untranslated_related)

    @property
    def series_titles(self):
        return ", ".join(series.title for series in self.series)


def translation_status(locales=None):
    """StatusRow for every translatable item in each of `locales` (default: all but English)."""
    locales = translation_locales() if locales is None else list(locales)
    items = source_items()
    keys = {item.translation_key for item in items}
    targets = translated_instances(items)
    series = series_membership(items)
    facts = LocalizeRecords(keys)
    changed = {
        facts.sources[item.translation_key].pk
        for item in items
        if item.translation_key in facts.sources
        and source_changed(facts.sources[item.translation_key], item)
    }
    return [
        _row(item, locale, targets, series, facts, changed) for item in items for locale in locales
    ]


def _row(item, locale, targets, series, facts, changed):
    key = item.translation_key
    row = StatusRow(item, locale, MISSING, series.get(key, []))
    row.target = targets.get((key, locale.pk))
    row.record = source = facts.sources.get(key)
    if row.target is None:
        return row
    if source is None or (source.pk, locale.pk) not in facts.translations:
        row.status = TRANSLATED  # made and kept up by hand, outside wagtail-localize's sync
        return row
    row.total, row.done = facts.progress(source, locale)
    row.status = _synced_status(row, source, facts, changed)
    return row


def _synced_status(row, source, facts, changed):
    if source.pk in changed:
        return OUTDATED
    if row.done < row.total:
        return IN_PROGRESS
    if not _published_since_sync(row.target, source, facts, row.locale):
        return READY
    return TRANSLATED


def _published_since_sync(target, source, facts, locale):
    if isinstance(target, Page):
        published = target.last_published_at if target.live else None
    else:
        published = facts.last_written.get((source.pk, locale.pk))
    return published is not None and published >= source.last_updated_at
