"""Load the whole demo: the English source, then its translations into every other locale."""

from django.db import transaction
from wagtail.models import Locale

from home.demo.english import EnglishSource
from home.demo.translate import DemoTranslator


def load_demo_content(report=print, warn=print):
    """Content that editors added, or changed before it was translated, is left alone."""
    source_locale = Locale.get_default()
    with transaction.atomic():
        owned = EnglishSource(source_locale, report).build()
    translator = DemoTranslator(source_locale, report, warn)
    for locale in Locale.objects.exclude(pk=source_locale.pk).order_by("pk"):
        translator.translate_everything(locale, owned)
