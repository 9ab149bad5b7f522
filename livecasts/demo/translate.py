"""Translate the demo through wagtail-localize, as a translator would in its editor."""

from importlib import import_module

from django.core.management.base import CommandError
from django.db import transaction
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from home.models import HomePage
from livecasts.models import City, Person


def demo_strings(language_code):
    return import_module(f"livecasts.demo.translations.{language_code}").STRINGS


class DemoTranslator:
    """Fills every string of a source from the demo catalogue and publishes the translation."""

    def __init__(self, source_locale, report):
        self.source_locale = source_locale
        self.report = report

    def translate_everything(self, target_locale):
        strings = demo_strings(target_locale.language_code)
        snippets = [*City.objects.filter(locale=self.source_locale)]
        snippets += Person.objects.filter(locale=self.source_locale)
        for snippet in snippets:
            self.translate(snippet, target_locale, strings)
        home = HomePage.objects.get(locale=self.source_locale, depth=2)
        for page in Page.objects.descendant_of(home, inclusive=True).order_by("path").specific():
            self.translate(page, target_locale, strings)

    def translate(self, instance, locale, strings):
        if self._already_translated(instance, locale):
            return
        with transaction.atomic():
            self._translate(instance, locale, strings)
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
            raise CommandError(
                f"The {locale.language_code} demo catalogue lacks: " + " | ".join(missing)
            )
        if isinstance(instance, Page):
            # Publish ourselves rather than on commit, so nested transactions behave the same.
            translation.save_target(publish=False)
            instance.get_translation(locale).get_latest_revision().publish()
        else:
            translation.save_target(publish=True)

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
