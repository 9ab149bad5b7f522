"""What a user can do next with a status row, as (label, url) pairs."""

from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import AdminURLFinder

from translation_workflow.access import working_locales
from translation_workflow.status import MISSING, OUTDATED, TRANSLATED


def start_url(source, locale):
    content_type = ContentType.objects.get_for_model(source)
    return reverse(
        "translation_workflow:start",
        args=[content_type.pk, source.pk, locale.language_code],
    )


class RowActions:
    """Works out the links for many rows of one user, checking each permission once."""

    def __init__(self, user, back_url):
        self.user = user
        self.back_url = back_url
        self.locales = working_locales(user)
        self.can_sync = user.has_perm("wagtail_localize.submit_translation")
        self.finder = AdminURLFinder(user)

    def for_row(self, row):
        if row.locale not in self.locales:
            return []
        if row.status == MISSING:
            return [(_("Start translating"), start_url(row.source, row.locale))]
        actions = []
        edit_url = self.finder.get_edit_url(row.target)
        if edit_url:
            label = _("Review") if row.status == TRANSLATED else _("Translate")
            actions.append((label, edit_url))
        if row.status == OUTDATED and self.can_sync:
            url = reverse("wagtail_localize:update_translations", args=[row.record.pk])
            actions.append((_("Sync"), f"{url}?{urlencode({'next': self.back_url})}"))
        return actions


class RelatedItemLinks:
    """Where a user goes to translate an untranslated related item: its draft translation in
    the translation editor, else 'Start translating'. None for a language the user does not
    work in, or a draft they may not edit.

    wagtail-localize's own 'Translate' view (submit_snippet_translation) needs the Editors'
    `submit_translation` permission and offers every language, so translators start through
    the workflow's start view, which offers their own languages only."""

    def __init__(self, user):
        self.locales = working_locales(user)
        self.finder = AdminURLFinder(user)

    def url(self, item):
        if item.locale not in self.locales:
            return None
        if item.draft is not None:
            return self.finder.get_edit_url(item.draft)
        return start_url(item.source, item.locale)

    def with_urls(self, items):
        """[(item, url or None)]."""
        return [(item, self.url(item)) for item in items]
