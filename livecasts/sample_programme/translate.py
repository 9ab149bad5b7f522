"""Mechanical translations of generated objects, made by wagtail-localize as a translator's
would be: a TranslationSource, a Translation per language, a StringTranslation per segment
(the source text prefixed by the language code), then the translated object saved by
wagtail-localize itself from those strings."""

from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)


def mechanical_text(segment, locale):
    if segment.context.path == "slug":
        return segment.string.data  # the same URL in every language
    return f"[{locale.language_code}] {segment.string.data}"


def translate_mechanically(instance, locale):
    """The translation of `instance` into `locale`, saved as a draft for the caller to publish."""
    source, _ = TranslationSource.get_or_create_from_instance(instance)
    Translation.objects.get_or_create(source=source, target_locale=locale)
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    StringTranslation.objects.bulk_create(
        [
            StringTranslation(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                data=mechanical_text(segment, locale),
            )
            for segment in segments
        ],
        ignore_conflicts=True,  # strings a translator already filled stay as they are
    )
    translated, _created = source.create_or_update_translation(locale, publish=False)
    return translated


def translated_keys(model, translation_keys, locale):
    """Those of `translation_keys` that already have a `model` object in `locale`."""
    present = model.objects.filter(translation_key__in=translation_keys, locale=locale)
    return set(present.values_list("translation_key", flat=True))
