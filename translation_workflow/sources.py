"""The English items translators work from, their translations, and their series."""

import json
from collections import defaultdict

from django.core.serializers.json import DjangoJSONEncoder
from modelcluster.models import ClusterableModel, get_serializable_data_for_fields
from wagtail.models import (
    DraftStateMixin,
    Locale,
    LockableMixin,
    Page,
    RevisionMixin,
    TranslatableMixin,
)
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.fields import get_translatable_fields

from livecasts.models import EpisodePage, EpisodeSpeaker, SeriesPage


def translatable_snippet_models():
    return [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]


def source_items():
    """Every page (tree order) and translatable snippet in the source language."""
    source = Locale.get_default()
    pages = list(Page.objects.filter(locale=source, depth__gte=2).order_by("path").specific())
    snippets = [
        snippet
        for model in translatable_snippet_models()
        for snippet in model.objects.filter(locale=source).select_related("locale")
    ]
    return pages + snippets


def translated_instances(items):
    """{(translation_key, locale_id): instance} for every existing translation of `items`."""
    source = Locale.get_default()
    found = {}
    models = {Page} | {type(item) for item in items if not isinstance(item, Page)}
    keys = {item.translation_key for item in items}
    for model in models:
        queryset = model.objects.filter(translation_key__in=keys).exclude(locale=source)
        if model is Page:
            queryset = queryset.filter(alias_of__isnull=True)
        for instance in queryset:
            found[(instance.translation_key, instance.locale_id)] = instance
    return found


def series_membership(items):
    """{translation_key: [SeriesPage]}: a series, its episodes, their cities and speakers."""
    series = [item for item in items if isinstance(item, SeriesPage)]
    members = defaultdict(list)

    def add(key, path):
        for candidate in series:
            if path.startswith(candidate.path) and candidate not in members[key]:
                members[key].append(candidate)

    for item in items:
        if isinstance(item, Page):
            add(item.translation_key, item.path)
    source = Locale.get_default()
    episodes = EpisodePage.objects.filter(locale=source, city__isnull=False)
    for key, path in episodes.values_list("city__translation_key", "path"):
        add(key, path)
    speakers = EpisodeSpeaker.objects.filter(page__locale=source)
    for key, path in speakers.values_list("person__translation_key", "page__path"):
        add(key, path)
    return dict(members)


def carried_fields(model):
    """The fields a translation of `model` carries: wagtail-localize's translatable and
    synchronised fields. The rest (tree position, publishing, locking, revisions) changes when a
    page is saved or republished without changing what translators work from."""
    declared = {field.field_name for field in get_translatable_fields(model)}
    return declared - _publishing_fields()


def _publishing_fields():
    """Wagtail's draft, revision and locking fields. wagtail-localize leaves them out for pages
    but lists some (first_published_at, go_live_at, expire_at) for draft-state snippets, whose
    translations would otherwise read "out of date" after the source's first publish."""
    mixins = (DraftStateMixin, RevisionMixin, LockableMixin)
    return {field.name for mixin in mixins for field in mixin._meta.fields}


def _serialised(instance):
    """The instance serialised as wagtail-localize stores it in `TranslationSource.content_json`."""
    if isinstance(instance, ClusterableModel):
        return json.loads(instance.to_json())
    return json.loads(json.dumps(get_serializable_data_for_fields(instance), cls=DjangoJSONEncoder))


def source_changed(translation_source, instance):
    """Whether what translations carry of `instance` differs from what the last sync stored.

    For a page the database row holds the published content, which is what "Sync translated
    pages" reads.
    """
    carried = carried_fields(type(instance))
    stored = json.loads(translation_source.content_json)
    current = _serialised(instance)
    return any(stored.get(name) != current.get(name) for name in carried)
