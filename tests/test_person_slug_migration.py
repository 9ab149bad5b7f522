"""The migration that gives people an address name: every existing person gets one, shared by
all their language versions and different from everyone else's."""

import pytest
from django.apps import apps
from django.db.migrations import RunPython
from django.db.migrations.loader import MigrationLoader
from wagtail.models import Locale

from livecasts.models import Person
from tests.factories import PersonFactory
from tests.fixtures_content import translate_snippet

pytestmark = pytest.mark.django_db


def fill_slugs():
    """Run the migration's data operation, as `migrate` would, on the current tables."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    migration = loader.disk_migrations[("livecasts", "0008_person_slug")]
    for operation in migration.operations:
        if isinstance(operation, RunPython):
            operation.code(apps, None)


def test_existing_people_get_one_slug_per_person_in_every_language():
    ada = PersonFactory(name="Ada Lovelace Sample")
    ada_el = translate_snippet(ada, Locale.objects.get(language_code="el"), name="Άντα")
    namesake = PersonFactory(name="Ada Lovelace Sample")
    greek_only = PersonFactory(name="Ελένη", locale=Locale.objects.get(language_code="el"))
    # Before the migration the rows had no slug; the constraint on slug and language (added
    # after the data operation) allows no two empty ones here, so each gets a placeholder.
    for person in Person.objects.all():
        Person.objects.filter(pk=person.pk).update(slug=f"before-{person.pk}")

    fill_slugs()

    slugs = dict(Person.objects.values_list("pk", "slug"))
    assert slugs[ada.pk] == slugs[ada_el.pk] == "ada-lovelace-sample"
    assert slugs[namesake.pk] == "ada-lovelace-sample-2"
    assert slugs[greek_only.pk] == "eleni"
