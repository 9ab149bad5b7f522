"""The documents library's upload form, checking caption files as they come in.

Wagtail builds every document form it shows (add, replace, the chooser's upload and the
multiple uploader) on WAGTAILDOCS_DOCUMENT_FORM_BASE, so an invalid .vtt file is refused
wherever it is uploaded, before anything is stored."""

from django.core.files.uploadedfile import UploadedFile
from wagtail.documents.forms import BaseDocumentForm

from livecasts.captions import check_caption_file, is_caption_file


class CaptionCheckingDocumentForm(BaseDocumentForm):
    def clean_file(self):
        file = self.cleaned_data.get("file")
        # Only new uploads: a replaced file is an UploadedFile, a kept one is not.
        if isinstance(file, UploadedFile) and is_caption_file(file.name):
            check_caption_file(file)
        return file
