"""The transcript of an episode's recording: what was said, line by line, with its time."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail_localize.fields import TranslatableField

from livecasts.models.moments import RecordingMoment


class EpisodeTranscriptLine(RecordingMoment):
    """One spoken passage from `start` until the next line starts; translators translate the
    text segment by segment."""

    page = ParentalKey(
        "livecasts.EpisodePage", on_delete=models.CASCADE, related_name="transcript_lines"
    )
    text = models.TextField(_("what was said"), max_length=2000, help_text=_("Plain text."))

    translatable_fields = [TranslatableField("text"), *RecordingMoment.shared_fields]
    panels = [FieldRowPanel([FieldPanel("start"), FieldPanel("person")]), FieldPanel("text")]

    class Meta(RecordingMoment.Meta):
        verbose_name = _("transcript line")
        verbose_name_plural = _("transcript")

    def __str__(self):
        return self.text
