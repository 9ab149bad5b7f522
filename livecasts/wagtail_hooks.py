from wagtail import hooks
from wagtail.snippets.models import register_snippet

from livecasts.editing.dashboard import UpcomingEpisodesPanel
from livecasts.editing.episodes import episode_listing_viewset
from livecasts.editing.snippets import CityViewSet, PersonViewSet

register_snippet(PersonViewSet)
register_snippet(CityViewSet)


@hooks.register("register_admin_viewset")
def register_episode_listing():
    return episode_listing_viewset


@hooks.register("construct_homepage_panels")
def add_upcoming_episodes_panel(request, panels):
    panels.insert(0, UpcomingEpisodesPanel())
