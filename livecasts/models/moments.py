"""What chapters and transcript lines share: a time into the recording and a speaker, the same
in every language."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from livecasts.chapters import ChapterTimeField


class RecordingMoment(TranslatableMixin, Orderable):
    """Translators translate a moment's words; its time and speaker are the source's in every
    language (wagtail-localize copies child objects from the source on every sync and matches
    them by translation key, so the words keep their translations)."""

    start = ChapterTimeField(
        _("starts at"),
        help_text=_("Time into the recording, as h:mm:ss or mm:ss, e.g. 1:05:30 or 12:05."),
    )
    person = models.ForeignKey(
        "livecasts.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("speaker"),
        help_text=_("Optional: the person speaking."),
    )

    shared_fields = [
        SynchronizedField("start", overridable=False),
        SynchronizedField("person", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        abstract = True
