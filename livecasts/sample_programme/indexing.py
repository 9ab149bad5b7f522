"""Search and reference indexes during generation. Wagtail updates both on every save, several
times per page (save, revision, publish, translation copy): about two thirds of the time a
generated episode costs. They are switched off while generating; the search index is then
built in bulk for what was made, as `update_index` would. The reference index (the admin's
"usage" counts) is left to `manage.py rebuild_references_index`."""

from contextlib import contextmanager

from django.conf import settings
from django.test.utils import override_settings
from wagtail.search.backends import get_search_backends
from wagtail.signal_handlers import disable_reference_index_auto_update

CHUNK = 500


@contextmanager
def indexes_not_updated_on_save():
    backends = {
        name: {**params, "AUTO_UPDATE": False}
        for name, params in settings.WAGTAILSEARCH_BACKENDS.items()
    }
    with override_settings(WAGTAILSEARCH_BACKENDS=backends), disable_reference_index_auto_update():
        yield


def index_for_search(model, translation_keys):
    """Add or refresh the `model` objects with these keys (every language) in the search index."""
    objects = model.get_indexed_objects().filter(translation_key__in=translation_keys)
    objects = objects.order_by("pk")
    for start in range(0, objects.count(), CHUNK):
        chunk = list(objects[start : start + CHUNK])
        for backend in get_search_backends():
            backend.add_bulk(model, chunk)
