"""Translate the demo through wagtail-localize, as a translator would in its editor."""

from importlib import import_module

from django.db import transaction
from wagtail.actions.copy_for_translation import ParentNotTranslatedError
from wagtail.models import Page
from wagtail_localize.models import (
    MissingRelatedObjectError,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)


class MissingDemoStrings(Exception):
    """A demo object whose text is no longer the demo's (an editor changed it)."""


# What stops one object's translation without stopping the demo: changed text, a parent or
# a linked object that could not be translated.
LEFT_ALONE = (MissingDemoStrings, ParentNotTranslatedError, MissingRelatedObjectError)


def demo_strings(language_code):
    return import_module(f"home.demo.translations.{language_code}").STRINGS


class DemoTranslator:
    """Fills every string of the demo's own objects from the demo catalogue and publishes the
    translations. What it cannot translate (an editor changed it) it leaves alone and warns."""

    def __init__(self, source_locale, report, warn):
        self.source_locale = source_locale
        self.report = report
        self.warn = warn

    def translate_everything(self, target_locale, owned):
        """Translate `owned` (what EnglishSource.build returned): snippets, then pages from
        the top of the tree down, so each page's parent is translated first."""
        strings = demo_strings(target_locale.language_code)
        snippets = [obj for obj in owned if not isinstance(obj, Page)]
        pages = sorted((obj for obj in owned if isinstance(obj, Page)), key=lambda p: p.path)
        for instance in snippets + pages:
            self.translate(instance, target_locale, strings)

    def translate(self, instance, locale, strings):
        if self._already_translated(instance, locale):
            return
        try:
            with transaction.atomic():
                self._translate(instance, locale, strings)
        except LEFT_ALONE as reason:
            name = f"{instance._meta.verbose_name} '{instance}'"
            self.warn(f"{locale.language_code}: left {name} untranslated ({reason}).")
            return
        translated = instance.get_translation(locale)
        self.report(f"{locale.language_code}: {instance._meta.verbose_name} '{translated}'")

    def _translate(self, instance, locale, strings):
        source, _ = TranslationSource.get_or_create_from_instance(instance)
        translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
        segments = StringSegment.objects.filter(source=source).select_related("string", "context")
        missing = []
        for segment in segments:
            text = self._translated_text(instance, segment, locale, strings)
            if text is None:
                missing.append(segment.string.data)
                continue
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": text},
            )
        if missing:
            raise MissingDemoStrings(
                f"the {locale.language_code} demo catalogue lacks: " + " | ".join(missing)
            )
        # Publish ourselves rather than on commit, so nested transactions behave the same.
        translation.save_target(publish=False)
        instance.get_translation(locale).get_latest_revision().publish()

    def _already_translated(self, instance, locale):
        translated = instance.get_translation_or_none(locale)
        if translated is None:
            return False
        source = TranslationSource.objects.get_for_instance_or_none(instance)
        return source is not None and source.translations.filter(target_locale=locale).exists()

    def _translated_text(self, instance, segment, locale, strings):
        if segment.context.path == "slug":
            translated = instance.get_translation_or_none(locale)
            return translated.slug if translated else segment.string.data
        return strings.get(segment.string.data)
