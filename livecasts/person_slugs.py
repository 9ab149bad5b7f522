"""The address name of a person: one slug for every language version of the same person.

A person's page lives at /<lang>/people/<slug>/ in each language the person exists in, so the
slug belongs to the person (their translation key), not to one language's record: a new record
takes the slug its other language versions already have, and only a new person gets a new one,
spelled from their name in Latin letters and made unique among all other people."""

from anyascii import anyascii
from django.utils.text import slugify

SLUG_LENGTH = 80
FALLBACK = "person"


def slug_for(person):
    """The slug `person` should have: its translations' slug, else a new one from its name."""
    model = type(person)
    others = model.objects.filter(translation_key=person.translation_key).exclude(pk=person.pk)
    shared = others.exclude(slug="").values_list("slug", flat=True).first()
    return shared or unique_slug(model, person.name, person.translation_key)


def unique_slug(model, name, translation_key):
    base = slugify(anyascii(name or ""))[: SLUG_LENGTH - 6].strip("-") or FALLBACK
    taken = set(
        model.objects.filter(slug__startswith=base)
        .exclude(translation_key=translation_key)
        .values_list("slug", flat=True)
    )
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    return candidate
