"""The English items translators work from, their translations, and their series."""

import json
from collections import defaultdict

from django.core.serializers.json import DjangoJSONEncoder
from modelcluster.models import ClusterableModel, get_serializable_data_for_fields
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models

from livecasts.models import EpisodePage, EpisodeSpeaker, SeriesPage

# Page fields that change on draft saves, locks and publishing without changing the content.
PAGE_BOOKKEEPING = frozenset(
    {
        "content_type",
        "depth",
        "draft_title",
        "expire_at",
        "expired",
        "first_published_at",
        "go_live_at",
        "has_unpublished_changes",
        "last_published_at",
        "latest_revision",
        "latest_revision_created_at",
        "live",
        "live_revision",
        "locked",
        "locked_at",
        "locked_by",
        "numchild",
        "owner",
        "path",
        "url_path",
        "wagtail_admin_comments",
    }
)


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


def _content(instance):
    if isinstance(instance, ClusterableModel):
        data = json.loads(instance.to_json())
    else:
        data = json.loads(
            json.dumps(get_serializable_data_for_fields(instance), cls=DjangoJSONEncoder)
        )
    if isinstance(instance, Page):
        data = {name: value for name, value in data.items() if name not in PAGE_BOOKKEEPING}
    return data


def source_changed(translation_source, instance):
    """Whether `instance` now differs from what the last sync stored, bookkeeping aside.

    This is the comparison wagtail-localize makes before refreshing a source; for a page the
    database row holds the published content, which is what "Sync translated pages" reads.
    """
    stored = json.loads(translation_source.content_json)
    if isinstance(instance, Page):
        stored = {name: value for name, value in stored.items() if name not in PAGE_BOOKKEEPING}
    return _content(instance) != stored
