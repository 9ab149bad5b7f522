"""Admin URLs of the translators' workflow.

`localize_overrides` repeats the paths of wagtail-localize's per-translation tools so that
requests reach them through `guarded` (string translations also through `checked_string`,
overrides through `checked_override`, previews through `checked_preview`, the PO upload through
the stricter check, 'Convert to alias page' through `as_destructive_as_deleting`). They are
registered ahead of wagtail-localize's own URLs; its views are called unchanged.
tests/test_translation_overrides.py fails if wagtail-localize gains a per-translation or
per-page view that is not repeated here.
"""

from django.urls import include, path
from wagtail_localize.views import convert, edit_translation

from translation_workflow import pofiles
from translation_workflow.guards import as_destructive_as_deleting, guarded
from translation_workflow.overrides import checked_override, checked_preview
from translation_workflow.plain_text import checked_string
from translation_workflow.report import TranslationStatusReportView
from translation_workflow.start import StartTranslationView

workflow_urls = [
    path("status/", TranslationStatusReportView.as_view(), name="status_report"),
    path(
        "status/results/",
        TranslationStatusReportView.as_view(results_only=True),
        name="status_report_results",
    ),
    path(
        "start/<int:content_type_id>/<int:pk>/<str:language_code>/",
        StartTranslationView.as_view(),
        name="start",
    ),
]

TRANSLATION = "translate/<int:translation_id>/"
localize_overrides = [
    path(
        TRANSLATION + "strings/<int:string_segment_id>/edit/",
        guarded(checked_string(edit_translation.edit_string_translation)),
    ),
    path(
        TRANSLATION + "overrides/<int:overridable_segment_id>/edit/",
        guarded(checked_override(edit_translation.edit_override)),
    ),
    path(TRANSLATION + "pofile/download/", guarded(edit_translation.download_pofile)),
    path(TRANSLATION + "pofile/upload/", guarded(pofiles.upload_pofile)),
    path(TRANSLATION + "machine_translate/", guarded(edit_translation.machine_translate)),
    path(TRANSLATION + "preview/", guarded(checked_preview(edit_translation.preview_translation))),
    path(
        TRANSLATION + "preview/<str:mode>/",
        guarded(checked_preview(edit_translation.preview_translation)),
    ),
    path(TRANSLATION + "disable/", guarded(edit_translation.stop_translation)),
    path(
        "page/<int:page_id>/convert_to_alias/",
        as_destructive_as_deleting(convert.convert_to_alias),
    ),
]

urlpatterns = [
    path("translation/", include((workflow_urls, "translation_workflow"))),
    path("localize/", include(localize_overrides)),
]
