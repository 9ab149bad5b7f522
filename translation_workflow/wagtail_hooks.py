"""The translators' workflow in the admin: its URLs, report, dashboard panel and guards.

The URLs come before wagtail-localize's own and the guards before wagtail-localize opens its
translation editor, hence `order=-1`.
"""

from wagtail import hooks

from translation_workflow import access, dashboard, guards, menu, overrides, urls


@hooks.register("register_admin_urls", order=-1)
def register_translation_urls():
    return urls.urlpatterns


@hooks.register("register_reports_menu_item")
def register_translation_status_report():
    return menu.translation_status_menu_item()


@hooks.register("construct_homepage_panels")
def add_translation_backlog_panel(request, panels):
    if not access.working_locales(request.user, include_source=False):
        return
    panel = dashboard.TranslationBacklogPanel(request.user)
    if access.is_translator(request.user):
        panels.insert(0, panel)
    else:
        panels.append(panel)


hooks.register("before_edit_snippet", guards.refuse_snippet_outside_own_languages, order=-1)
hooks.register("before_delete_snippet", guards.refuse_snippets_outside_own_languages, order=-1)
hooks.register("before_delete_page", guards.refuse_page_deletion, order=-1)
hooks.register("before_bulk_action", guards.refuse_bulk_page_deletion, order=-1)
hooks.register("before_edit_snippet", overrides.refuse_publishing_broken_choices, order=-1)
hooks.register("before_edit_page", overrides.refuse_publishing_broken_choices, order=-1)
