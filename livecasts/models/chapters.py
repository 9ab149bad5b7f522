"""Chapters of an episode's recording: moments a reader can jump to."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from livecasts.chapters import ChapterTimeField


class EpisodeChapter(TranslatableMixin, Orderable):
    """A titled moment in the recording. Translators translate the title; the time and the
    speaker are the source's in every language (wagtail-localize copies child objects from the
    source on every sync and matches them by translation key, so titles keep their
    translations)."""

    page = ParentalKey("livecasts.EpisodePage", on_delete=models.CASCADE, related_name="chapters")
    start = ChapterTimeField(
        _("starts at"),
        help_text=_("Time into the recording, as h:mm:ss or mm:ss, e.g. 1:05:30 or 12:05."),
    )
    title = models.CharField(
        _("title"), max_length=160, help_text=_("Plain text: what happens from this moment.")
    )
    person = models.ForeignKey(
        "livecasts.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("speaker"),
        help_text=_("Optional: the person who speaks in this chapter."),
    )

    translatable_fields = [
        TranslatableField("title"),
        SynchronizedField("start", overridable=False),
        SynchronizedField("person", overridable=False),
    ]
    panels = [FieldRowPanel([FieldPanel("start"), FieldPanel("title")]), FieldPanel("person")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("chapter")
        verbose_name_plural = _("chapters")

    def __str__(self):
        return self.title
