"""Caption files of an episode's recording, one per language."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.documents import get_document_model_string
from wagtail.models import Orderable


class EpisodeCaptionTrack(Orderable):
    """A WebVTT file of captions in one language. Not translatable: each file is in a language
    already, so wagtail-localize copies the tracks to every translation of the episode (as it
    does the organisations) and offers translators nothing to translate."""

    page = ParentalKey(
        "livecasts.EpisodePage", on_delete=models.CASCADE, related_name="caption_tracks"
    )
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.WAGTAIL_CONTENT_LANGUAGES,  # each language named in its own language
        help_text=_("The language the captions are written in."),
    )
    # CASCADE: a document deleted from the library takes its track along (Wagtail's delete
    # view lists where the document is used first); PROTECT would make that delete an error
    # page, and a track without its file would have nothing to offer.
    document = models.ForeignKey(
        get_document_model_string(),
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("WebVTT file"),
        help_text=_("A .vtt caption file from the documents library, or upload one here."),
    )

    panels = [FieldRowPanel([FieldPanel("language"), FieldPanel("document")])]

    class Meta(Orderable.Meta):
        verbose_name = _("caption track")
        verbose_name_plural = _("captions")

    def __str__(self):
        return self.get_language_display()
