from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from livecasts import facts
from livecasts.editing.choosers import organisation_chooser_viewset
from livecasts.editing.dashboard import UpcomingEpisodesPanel
from livecasts.editing.episodes import episode_listing_viewset
from livecasts.editing.error_tabs import page_error_tabs
from livecasts.editing.snippets import CityViewSet, PersonViewSet

register_snippet(PersonViewSet)
register_snippet(CityViewSet)


@hooks.register("register_admin_viewset")
def register_episode_listing():
    return episode_listing_viewset


@hooks.register("register_admin_viewset")
def register_organisation_chooser():
    return organisation_chooser_viewset


@hooks.register("register_admin_urls")
def register_error_tabs_url():
    return [
        path(
            "livecasts/pages/<int:page_id>/error-tabs/",
            page_error_tabs,
            name="livecasts_page_error_tabs",
        )
    ]


@hooks.register("insert_editor_js")
def name_the_tabs_with_autosave_errors():
    return format_html(
        '<script src="{}" data-url="{}"></script>',
        static("livecasts/js/editor-error-tabs.js"),
        reverse("livecasts_page_error_tabs", args=[0]),
    )


@hooks.register("register_log_actions")
def register_facts_log_action(actions):
    actions.register_action(facts.FACTS_UPDATED)(facts.FactsUpdatedFormatter)


@hooks.register("construct_homepage_panels")
def add_upcoming_episodes_panel(request, panels):
    # The panel links to the English source pages: only for people who may edit them.
    if UpcomingEpisodesPanel.visible_to(request.user):
        panels.insert(0, UpcomingEpisodesPanel())
