"""The 'Translation status' entry in the admin's Reports menu."""

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem

from livecasts.translation.access import locale_ids_for_user


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(locale_ids_for_user(request.user))


def translation_status_menu_item():
    return TranslationStatusMenuItem(
        _("Translation status"),
        reverse_lazy("livecasts_translation:status_report"),
        icon_name="wagtail-localize-language",
        order=8900,
    )
