from django.apps import AppConfig


class TranslationWorkflowConfig(AppConfig):
    """The translators' workflow on top of wagtail-localize: roles, status report, guards."""

    name = "translation_workflow"
