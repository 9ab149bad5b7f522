"""'Start translating': a translator opens a missing item in their own language.

wagtail-localize's own 'Translate' action may target any language, so it stays with the
Editors; this view offers the same operation (`translate_object`) for one language the user
works in, and only under a parent page that already exists in that language.
"""

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail_localize.operations import translate_object

from translation_workflow.access import working_locales
from translation_workflow.links import start_url


def _translation(instance, locale):
    found = instance.get_translation_or_none(locale)
    if isinstance(found, Page) and found.alias_of_id:
        return None
    return found


class StartTranslationView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "translation_workflow/start_translation.html"
    page_title = _("Start translating")
    header_icon = "wagtail-localize-language"

    def dispatch(self, request, content_type_id, pk, language_code):
        model = get_object_or_404(ContentType, pk=content_type_id).model_class()
        if model is None or not issubclass(model, TranslatableMixin):
            raise Http404
        self.source = get_object_or_404(model, pk=pk, locale=Locale.get_default())
        if isinstance(self.source, Page):
            self.source = self.source.specific
        self.locale = get_object_or_404(Locale, language_code=language_code)
        if self.locale == self.source.locale or self.locale not in working_locales(request.user):
            raise PermissionDenied
        existing = _translation(self.source, self.locale)
        if existing is not None:
            return redirect(AdminURLFinder(request.user).get_edit_url(existing))
        return super().dispatch(request)

    def get_page_subtitle(self):
        return str(self.source)

    def missing_parent(self):
        """The parent page that must be translated first, if any."""
        if not isinstance(self.source, Page):
            return None
        parent = self.source.get_parent()
        if parent.is_root() or _translation(parent, self.locale) is not None:
            return None
        return parent

    def get_context_data(self, **kwargs):
        parent = self.missing_parent()
        return super().get_context_data(
            source=self.source,
            locale=self.locale,
            missing_parent=parent,
            parent_start_url=start_url(parent.specific, self.locale) if parent else None,
            back_url=reverse("translation_workflow:status_report"),
            **kwargs,
        )

    def post(self, request):
        if self.missing_parent() is not None:
            return self.get(request)
        translate_object(self.source, [self.locale], user=request.user)
        target = _translation(self.source, self.locale)
        messages.success(
            request,
            _("Started the %(language)s translation of “%(title)s”.")
            % {"language": self.locale.get_display_name(), "title": self.source},
        )
        return redirect(AdminURLFinder(request.user).get_edit_url(target))
