from wagtail import hooks
from wagtail.snippets.models import register_snippet

from livecasts import facts
from livecasts.editing.dashboard import UpcomingEpisodesPanel
from livecasts.editing.episodes import episode_listing_viewset
from livecasts.editing.snippets import CityViewSet, PersonViewSet

register_snippet(PersonViewSet)
register_snippet(CityViewSet)


@hooks.register("register_admin_viewset")
def register_episode_listing():
    return episode_listing_viewset


@hooks.register("register_log_actions")
def register_facts_log_action(actions):
    actions.register_action(facts.FACTS_UPDATED)(facts.FactsUpdatedFormatter)


@hooks.register("construct_homepage_panels")
def add_upcoming_episodes_panel(request, panels):
    # The panel links to the English source pages: only for people who may edit them.
    if UpcomingEpisodesPanel.visible_to(request.user):
        panels.insert(0, UpcomingEpisodesPanel())
