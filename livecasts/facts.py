"""An episode's broadcast facts reach every language the moment the source is published.

Facts are what a reader relies on to be there: when, how long, where, where to watch, and
whether it still happens; and where each chapter and transcript line of the recording starts,
and who speaks there. Words (title,
summary, body) wait for translators as before.

wagtail-localize keeps the facts from the source (they are non-overridable SynchronizedFields
on EpisodePage) but only when a translation is rebuilt: by "Sync translated pages" into a draft,
or when a translator publishes. Live translated pages would keep the old time, stream and
status until then, so on `page_published` of a source page this module:

1. writes the new facts into wagtail-localize's stored source, so the next sync or translator
   publish builds from them instead of putting the old facts back (text is left as stored, so
   a text change still shows as "Out of date" until an editor syncs);
2. publishes each translation's live content with the new facts (a revision and a
   "Broadcast facts updated" history entry), without touching its text;
3. carries the facts into a translation's pending draft too, saved as a new latest revision so
   the translator's unpublished text stays unpublished.

Publishing a translation fires `page_published` again; only source pages are acted on.
"""

import json
import uuid

from django.utils.translation import get_language_info, gettext_lazy
from django.utils.translation import gettext as _
from wagtail.log_actions import LogFormatter, log
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from livecasts.chapter_facts import (
    TIMED_RELATIONS,
    apply_timed_facts,
    store_timed_facts,
    timed_facts,
    timed_items_differ,
)

# Copied to every translation on publish. "city" is mapped to the city's own translation.
FACT_FIELDS = (
    "date",
    "start_time",
    "duration_minutes",
    "city",
    "livestream_url",
    "recording_url",
    "status",
    "previous_date",
    "previous_start_time",
    "calendar_sequence",
)
# Changes that raise the calendar SEQUENCE (RFC 5545: start, end, duration, status; the
# livestream address is the event's LOCATION, which readers need to see updated too).
SEQUENCE_FACTS = ("date", "start_time", "duration_minutes", "status", "livestream_url")
FACTS_UPDATED = "livecasts.broadcast_facts_updated"


def is_source(page):
    return page.locale_id == Locale.get_default().pk


def next_calendar_sequence(page):
    """The SEQUENCE the page's calendar events should carry if this version were published:
    one more than the live version's when a schedule fact differs from it."""
    live = type(page).objects.filter(pk=page.pk, live=True).first() if page.pk else None
    if live is None or not is_source(page):
        return page.calendar_sequence
    changed = any(getattr(live, name) != getattr(page, name) for name in SEQUENCE_FACTS)
    return live.calendar_sequence + 1 if changed else live.calendar_sequence


def facts_for(source, locale):
    """{field: value} of the source's facts as they read in `locale`."""
    facts = {name: getattr(source, name) for name in FACT_FIELDS if name != "city"}
    city = source.city
    if city is not None:
        city = city.get_translation_or_none(locale) or city
    facts["city"] = city
    for relation in TIMED_RELATIONS:  # times and speakers (livecasts/chapter_facts.py)
        facts[relation] = timed_facts(source, relation)
    return facts


def differs(page, facts):
    fields = {name: value for name, value in facts.items() if name not in TIMED_RELATIONS}
    return any(getattr(page, name) != value for name, value in fields.items()) or any(
        timed_items_differ(page, relation, facts.get(relation, {})) for relation in TIMED_RELATIONS
    )


def apply(page, facts):
    for name, value in facts.items():
        if name in TIMED_RELATIONS:
            apply_timed_facts(page, name, value)
        else:
            setattr(page, name, value)


def publish_facts_to_translations(sender, instance, **kwargs):
    """`page_published` receiver for EpisodePage."""
    if not is_source(instance):
        return
    store_facts_in_translation_source(instance)
    translations = (
        type(instance)
        .objects.filter(translation_key=instance.translation_key, alias_of__isnull=True)
        .exclude(pk=instance.pk)
        .select_related("locale")
    )
    for translation in translations:
        update_translation(translation, facts_for(instance, translation.locale), instance)


def update_translation(page, facts, source):
    """Live content + facts published; a pending draft + facts saved on top of it."""
    draft = page.get_latest_revision_as_object() if page.has_unpublished_changes else None
    note = {"source_locale": source.locale.language_code}
    # The live revision, not the row: wagtail-localize's draft saves write the row too.
    live = page.live_revision.as_object() if page.live and page.live_revision_id else None
    published = live is not None and differs(live, facts)
    if published:
        apply(live, facts)
        revision = live.save_revision(clean=False)
        revision.publish(log_action=False)
        history_entry(live, revision, note)
    if draft is not None and (published or differs(draft, facts)):
        apply(draft, facts)
        revision = draft.save_revision(clean=False)
        history_entry(draft, revision, {**note, "draft": True})


def history_entry(page, revision, data):
    # An entry of its own: Wagtail's history shows one entry per (uuid, action), and the
    # request's log context would otherwise group every language's entry into one.
    log(instance=page, action=FACTS_UPDATED, revision=revision, data=data, uuid=uuid.uuid4())


def store_facts_in_translation_source(page):
    """Bring the facts in wagtail-localize's stored copy of the source up to date.

    `content_json` is the serialised source (see TranslationSource's docstring) from which
    wagtail-localize builds every translation; only the fact keys are replaced."""
    source = TranslationSource.objects.get_for_instance_or_none(page)
    if source is None:
        return
    stored = json.loads(source.content_json)
    current = json.loads(page.to_json())
    facts = {name: current.get(name) for name in FACT_FIELDS}
    # Every relation's changes are stored: no short-circuit.
    timed_changed = [store_timed_facts(stored, current, name) for name in TIMED_RELATIONS]
    if not any(timed_changed) and all(stored.get(name) == value for name, value in facts.items()):
        return
    stored.update(facts)
    source.content_json = json.dumps(stored)
    source.save(update_fields=["content_json"])


class FactsUpdatedFormatter(LogFormatter):
    """The translation's history entry: "Broadcast facts updated from English"."""

    label = gettext_lazy("Update broadcast facts from the source")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        language = get_language_info(data.get("source_locale", "en"))["name_translated"]
        if data.get("draft"):
            return _("Broadcast facts updated from %(language)s in the draft") % {
                "language": language
            }
        return _("Broadcast facts updated from %(language)s") % {"language": language}
