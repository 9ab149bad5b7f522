from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationWorkflowConfig(AppConfig):
    """The translators' workflow on top of wagtail-localize: roles, status report, guards."""

    name = "translation_workflow"
    verbose_name = _("Translation workflow")
