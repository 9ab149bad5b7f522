"""An 'Episodes' listing in the admin menu: every episode with its date, state and languages."""

from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.listing import PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.models import Locale

from livecasts.models import EpisodePage


class StateColumn(Column):
    """The episode's state, with a warning when a recording is set before the broadcast."""

    def get_value(self, instance):
        state = instance.state.label
        if instance.recording_before_broadcast:
            return format_html(
                '{} <span class="w-status w-status--label" title="{}">⚠ {}</span>',
                state,
                _("A recording address is set for an episode that has not taken place yet."),
                _("recording before broadcast"),
            )
        return state


class EpisodeFilterSet(PageFilterSet):
    """Wagtail's language filter (source language first), set to the source language until the
    editor picks another language or "All": six copies of every episode are hard to scan."""

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and "locale" not in data:
            data = data.copy()
            data["locale"] = Locale.get_default().language_code
        super().__init__(data, *args, **kwargs)

    class Meta:
        model = EpisodePage
        fields = ["live", "date"]


class EpisodeListingViewSet(PageListingViewSet):
    model = EpisodePage
    icon = "media"
    menu_label = _("Episodes")
    menu_order = 150
    add_to_admin_menu = True
    name = "episodes"
    list_display = [
        "title",
        Column("number", label=_("No."), sort_key="number"),
        Column("city", label=_("City"), accessor="city"),
        Column("date", label=_("Date"), sort_key="date"),
        StateColumn("state", label=_("State")),
        "locale",
    ]
    filterset_class = EpisodeFilterSet


episode_listing_viewset = EpisodeListingViewSet()
