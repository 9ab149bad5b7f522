"""The dashboard panel that shows translators (and editors) what needs work in their languages."""

from django.urls import reverse
from wagtail.admin.ui.components import Component

from translation_workflow.access import working_locales
from translation_workflow.links import RowActions
from translation_workflow.status import NEEDS_WORK, STATUS_CHOICES, translation_status

SHOWN_ITEMS = 8


class TranslationBacklogPanel(Component):
    name = "translation_backlog"
    order = 40
    template_name = "translation_workflow/backlog_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        locales = working_locales(self.user, include_source=False)
        backlog = [row for row in translation_status(locales) if row.status in NEEDS_WORK]
        report_url = reverse("translation_workflow:status_report")
        actions = RowActions(self.user, reverse("wagtailadmin_home"))
        shown = backlog[:SHOWN_ITEMS]
        for row in shown:
            row.actions = actions.for_row(row)
        return {
            "languages": [self._summary(locale, backlog, report_url) for locale in locales],
            "rows": shown,
            "more": len(backlog) - len(shown),
            "report_url": report_url,
        }

    @staticmethod
    def _summary(locale, backlog, report_url):
        rows = [row for row in backlog if row.locale == locale]
        counts = [
            (label, sum(1 for row in rows if row.status == status))
            for status, label in STATUS_CHOICES
            if status in NEEDS_WORK
        ]
        return {
            "locale": locale,
            "total": len(rows),
            "counts": [(label, count) for label, count in counts if count],
            "url": f"{report_url}?locale={locale.language_code}",
        }
