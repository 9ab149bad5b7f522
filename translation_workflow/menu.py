"""The 'Translation status' entry in the admin's Reports menu."""

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem

from translation_workflow.access import working_locales


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(working_locales(request.user))


def translation_status_menu_item():
    return TranslationStatusMenuItem(
        _("Translation status"),
        reverse_lazy("translation_workflow:status_report"),
        icon_name="wagtail-localize-language",
        order=8900,
    )
