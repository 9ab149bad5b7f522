"""Chapters of an episode's recording: moments a reader can jump to."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail_localize.fields import TranslatableField

from livecasts.models.moments import RecordingMoment


class EpisodeChapter(RecordingMoment):
    """A titled moment in the recording; translators translate the title."""

    page = ParentalKey("livecasts.EpisodePage", on_delete=models.CASCADE, related_name="chapters")
    title = models.CharField(
        _("title"), max_length=160, help_text=_("Plain text: what happens from this moment.")
    )

    translatable_fields = [TranslatableField("title"), *RecordingMoment.shared_fields]
    panels = [FieldRowPanel([FieldPanel("start"), FieldPanel("title")]), FieldPanel("person")]

    class Meta(RecordingMoment.Meta):
        verbose_name = _("chapter")
        verbose_name_plural = _("chapters")

    def __str__(self):
        return self.title
