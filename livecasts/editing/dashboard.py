"""The dashboard panel that tells editors what is coming up and which languages it exists in."""

from django.conf import settings
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import Locale, Page

from livecasts.editing.coverage import translation_coverage
from livecasts.models import EpisodePage
from livecasts.schedule import BROADCAST_ORDER, upcoming_or_latest


class UpcomingEpisodesPanel(Component):
    name = "upcoming_episodes"
    order = 50
    template_name = "livecasts/editing/upcoming_episodes_panel.html"

    @staticmethod
    def visible_to(user):
        home = Page.objects.filter(depth=2, locale=Locale.get_default()).specific().first()
        return home is not None and home.permissions_for_user(user).can_edit()

    def get_context_data(self, parent_context=None):
        source = Locale.get_default()
        episodes = (
            EpisodePage.objects.filter(locale=source)
            .defer_streamfields()
            .select_related("city")
            .order_by(*BROADCAST_ORDER)
        )
        shown, upcoming = upcoming_or_latest(episodes, limit=5)
        coverage = translation_coverage(shown)
        languages = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
        rows = [
            {
                "episode": episode,
                "languages": [
                    (code, code in coverage.get(episode.translation_key, [])) for code in languages
                ],
                "scheduled_for": scheduled_go_live(episode),
                "is_draft": not episode.live,
            }
            for episode in shown
        ]
        return {"rows": rows, "nothing_upcoming": not upcoming}


def scheduled_go_live(episode):
    """When an episode that is not on the site yet is scheduled to go live, else None."""
    if not episode.live and episode.go_live_at and episode.go_live_at > timezone.now():
        return episode.go_live_at
    return None
