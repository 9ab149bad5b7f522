"""The transcript of an episode's recording: what was said, line by line, with its time."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from livecasts.chapters import ChapterTimeField


class EpisodeTranscriptLine(TranslatableMixin, Orderable):
    """One spoken passage from `start` until the next line starts. Translators translate the
    text segment by segment; the time and the speaker are the source's in every language, as
    for chapters."""

    page = ParentalKey(
        "livecasts.EpisodePage", on_delete=models.CASCADE, related_name="transcript_lines"
    )
    start = ChapterTimeField(
        _("starts at"),
        help_text=_("Time into the recording, as h:mm:ss or mm:ss, e.g. 1:05:30 or 12:05."),
    )
    text = models.TextField(_("what was said"), max_length=2000, help_text=_("Plain text."))
    person = models.ForeignKey(
        "livecasts.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("speaker"),
        help_text=_("Optional: the person speaking."),
    )

    translatable_fields = [
        TranslatableField("text"),
        SynchronizedField("start", overridable=False),
        SynchronizedField("person", overridable=False),
    ]
    panels = [FieldRowPanel([FieldPanel("start"), FieldPanel("person")]), FieldPanel("text")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("transcript line")
        verbose_name_plural = _("transcript")

    def __str__(self):
        return self.text
