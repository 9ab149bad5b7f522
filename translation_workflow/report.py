"""The 'Translation status' report: every translatable item per language, filterable and
exportable to CSV/XLSX through Wagtail's report views."""

import django_filters
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale, Page

from livecasts.models import SeriesPage
from translation_workflow.access import translation_locales, working_locales
from translation_workflow.links import RelatedItemLinks, RowActions
from translation_workflow.related_items import untranslated_for_pages
from translation_workflow.status import STATUS_CHOICES, TRANSLATED, translation_status


def _locale_choices():
    return [(locale.language_code, locale.get_display_name()) for locale in translation_locales()]


def _series_choices():
    source = Locale.get_default()
    series = SeriesPage.objects.filter(locale=source).order_by("title")
    return [(str(page.pk), page.title) for page in series]


UNTRANSLATED_RELATED = _("Untranslated related items")


class RowFilter(django_filters.ChoiceFilter):
    """A choice filter over status rows (Python objects, not a queryset)."""

    def __init__(self, *args, matches, **kwargs):
        super().__init__(*args, empty_label=_("All"), **kwargs)
        self.matches = matches

    def filter(self, rows, value):
        if not value:
            return rows
        return [row for row in rows if self.matches(row, value)]


class StatusFilterSet(WagtailFilterSet):
    locale = RowFilter(
        label=_("Language"),
        choices=_locale_choices,
        matches=lambda row, value: row.locale.language_code == value,
    )
    series = RowFilter(
        label=_("Series"),
        choices=_series_choices,
        matches=lambda row, value: any(str(page.pk) == value for page in row.series),
    )
    status = RowFilter(
        label=_("Status"),
        choices=STATUS_CHOICES,
        matches=lambda row, value: row.status == value,
    )

    class Meta:
        model = Locale  # the rows are not a queryset; this only satisfies django-filter
        fields = []

    def filter_queryset(self, rows):
        for name, value in self.form.cleaned_data.items():
            rows = self.filters[name].filter(rows, value)
        return rows


class ActionsColumn(Column):
    cell_template_name = "translation_workflow/actions_cell.html"


class UntranslatedRelatedColumn(Column):
    cell_template_name = "translation_workflow/untranslated_related_cell.html"


def with_untranslated_related(rows, user):
    """Set each page row's `untranslated_related`: its city, people and organisations with no
    live version in the row's language, with the links `user` may follow."""
    pairs = [(row.source, row.locale) for row in rows if isinstance(row.source, Page)]
    found = untranslated_for_pages(pairs)
    links = RelatedItemLinks(user)
    for row in rows:
        items = found.get((row.source.pk, row.locale.pk), [])
        if isinstance(row.source, Page) and items:
            row.untranslated_related = links.with_urls(items)
    return rows


class TranslationStatusReportView(ReportView):
    page_title = _("Translation status")
    header_icon = "wagtail-localize-language"
    index_url_name = "translation_workflow:status_report"
    index_results_url_name = "translation_workflow:status_report_results"
    filterset_class = StatusFilterSet
    paginate_by = 100
    export_filename = "translation-status"
    columns = [
        Column("title", label=_("Title")),
        Column("kind", label=_("Type")),
        Column("series_titles", label=_("Series")),
        Column("language", label=_("Language")),
        StatusTagColumn(
            "status_label", label=_("Status"), primary=lambda row: row.status != TRANSLATED
        ),
        Column("percent", label=_("Translated (%)")),
        UntranslatedRelatedColumn("untranslated_related", label=UNTRANSLATED_RELATED),
        ActionsColumn("actions", label=_("Actions")),
    ]
    list_export = [
        "title",
        "kind",
        "series_titles",
        "language",
        "status_label",
        "percent",
        "untranslated_related_names",
    ]
    export_headings = {
        "title": _("Title"),
        "kind": _("Type"),
        "series_titles": _("Series"),
        "language": _("Language"),
        "status_label": _("Status"),
        "percent": _("Translated (%)"),
        "untranslated_related_names": UNTRANSLATED_RELATED,
    }

    def dispatch(self, request, *args, **kwargs):
        if not working_locales(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filterset_kwargs(self):
        """Translators land on their own language; choosing 'All' is still possible."""
        kwargs = super().get_filterset_kwargs()
        own = working_locales(self.request.user, include_source=False)
        if "locale" not in kwargs["data"] and len(own) < len(translation_locales()):
            data = kwargs["data"].copy()
            data["locale"] = own[0].language_code if own else ""
            kwargs["data"] = data
        return kwargs

    def get_queryset(self):
        return translation_status()

    def decorate_paginated_queryset(self, rows):
        actions = RowActions(self.request.user, self.request.get_full_path())
        for row in rows:
            row.actions = actions.for_row(row)
        return with_untranslated_related(rows, self.request.user)
