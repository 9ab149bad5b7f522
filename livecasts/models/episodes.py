"""An episode of a series: one broadcast, in one city, with its speakers and partners."""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
    TitleFieldPanel,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from citymakers.content_generation import kept_until_content_changes
from livecasts import captions, chapters, facts, structured_data
from livecasts.api_fields import (
    ChaptersField,
    CityField,
    OrganisationsField,
    RouteLinksField,
    ScheduleField,
    SiteRenditionField,
    SpeakersField,
    TranscriptField,
    WebAddressField,
)
from livecasts.blocks import EpisodeBodyBlock
from livecasts.broadcast_text import status_sentence
from livecasts.calendar import CALENDAR_ROUTE, episode_calendar_response
from livecasts.chapters_json import (
    CHAPTERS_JSON_ROUTE,
    CHAPTERS_JSON_ROUTE_NAME,
    chapters_json_response,
)
from livecasts.forms import EpisodePageForm
from livecasts.localization import (
    episode_chapters,
    episode_organisations,
    episode_speakers,
    episode_transcript,
    language_of,
    localize_all,
)
from livecasts.models.mixins import (
    BodyMixin,
    HeroImageMixin,
    PageMetadataMixin,
    RolePermissionsMixin,
    SafeAddressesMixin,
    StableSlugMixin,
)
from livecasts.models.status import BroadcastStatusMixin
from livecasts.safe_urls import safe_web_address
from livecasts.schedule import Broadcast, broadcast_order_before


class EpisodePage(
    RolePermissionsMixin,
    PageMetadataMixin,
    SafeAddressesMixin,
    RoutablePageMixin,
    StableSlugMixin,
    BroadcastStatusMixin,
    HeroImageMixin,
    BodyMixin,
    Page,
):
    """One livecast. Its state (upcoming, live, past) follows the clock and its status."""

    parent_page_types = ["livecasts.SeriesPage"]
    subpage_types = []
    base_form_class = EpisodePageForm
    description_fields = ("search_description", "summary")
    # Broadcast facts come from the source in every language and cannot be overridden by a
    # translator; livecasts/facts.py also puts them on live translations at once.
    override_translatable_fields = [
        *StableSlugMixin.override_translatable_fields,
        *(
            SynchronizedField(name, overridable=False)
            for name in facts.FACT_FIELDS
            if name != "city"  # a related snippet: wagtail-localize maps it to its translation
        ),
    ]

    number = models.PositiveIntegerField(
        _("episode number"), help_text=_("Unique within the series, e.g. 11 for the Paris edition.")
    )
    city = models.ForeignKey(
        "livecasts.City",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("city"),
    )
    date = models.DateField(_("date"), help_text=_("The day of the broadcast, in Amsterdam."))
    start_time = models.TimeField(
        _("start time"),
        null=True,
        blank=True,
        help_text=_("Amsterdam time. Leave empty while the time is to be announced."),
    )
    duration_minutes = models.IntegerField(
        _("duration in minutes"),
        default=90,
        validators=[MinValueValidator(1, _("The duration must be at least one minute."))],
    )
    livestream_url = models.URLField(
        _("livestream address"), blank=True, help_text=_("Where the live broadcast can be watched.")
    )
    recording_url = models.URLField(
        _("recording address"),
        blank=True,
        help_text=_("YouTube or Vimeo address of the recording, once the episode has taken place."),
    )
    summary = models.TextField(
        _("summary"),
        max_length=600,
        help_text=_("Two or three sentences for listings, feeds, calendars and search results."),
    )
    body = StreamField(EpisodeBodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [
        # The slug follows the city, not the title (livecasts/forms.py).
        TitleFieldPanel("title", targets=[]),
        FieldPanel("number"),
        FieldPanel("city"),
        FieldPanel("summary"),
        *HeroImageMixin.hero_panels,
        InlinePanel("speakers", heading=_("Speakers")),
        InlinePanel("organisations", heading=_("Organisers and partners")),
        *BodyMixin.body_panels,
    ]
    broadcast_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("date"), FieldPanel("start_time")]),
                FieldPanel("duration_minutes"),
            ],
            heading=_("When"),
        ),
        *BroadcastStatusMixin.status_panels,
        FieldPanel("livestream_url"),
        FieldPanel("recording_url"),
        InlinePanel(
            "chapters",
            heading=_("Chapters"),
            help_text=_(
                "Moments of the recording readers can jump to, in order. Translators translate "
                "the titles; times and speakers are the same in every language."
            ),
        ),
        InlinePanel(
            "transcript_lines",
            heading=_("Transcript"),
            help_text=_(
                "What was said in the recording, passage by passage, in order. Translators "
                "translate the text; times and speakers are the same in every language."
            ),
        ),
        InlinePanel(
            "caption_tracks",
            heading=_("Captions"),
            help_text=_(
                "WebVTT caption files (.vtt) for the recording, at most one per language; the "
                "same files are offered in every language version. Where a language has no "
                "file, captions are made from that language's published transcript."
            ),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(broadcast_panels, heading=_("Broadcast")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
    search_fields = [
        *Page.search_fields,
        *BodyMixin.search_fields,
        index.SearchField("summary"),
        index.RelatedFields("city", [index.SearchField("name"), index.SearchField("country")]),
        index.RelatedFields(
            "speakers", [index.RelatedFields("person", [index.SearchField("name")])]
        ),
        index.FilterField("date"),
        index.FilterField("number"),
    ]
    api_fields = [
        APIField("number"),
        APIField("date"),
        APIField("start_time"),
        APIField("duration_minutes"),
        APIField("status"),
        APIField("previous_date"),
        APIField("previous_start_time"),
        APIField("schedule", ScheduleField(source="broadcast")),
        APIField("city", CityField()),
        APIField("summary"),
        APIField("livestream_url", WebAddressField()),
        APIField("recording_url", WebAddressField()),
        APIField("speakers", SpeakersField()),
        APIField("organisations", OrganisationsField()),
        APIField("chapters", ChaptersField()),
        APIField("transcript", TranscriptField()),
        APIField("hero_image"),
        APIField("hero_image_thumbnail", SiteRenditionField("fill-1200x630", source="hero_image")),
        APIField("body"),
        APIField("links", RouteLinksField(["calendar"])),
    ]

    class Meta:
        verbose_name = _("episode")
        verbose_name_plural = _("episodes")

    @re_path(CALENDAR_ROUTE, name="calendar")
    def calendar_view(self, request):
        return episode_calendar_response(self, request)

    @re_path(CHAPTERS_JSON_ROUTE, name=CHAPTERS_JSON_ROUTE_NAME)
    def chapters_json_view(self, request):
        return chapters_json_response(self, request)

    @re_path(captions.CAPTIONS_ROUTE, name="captions")
    def captions_view(self, request, language):
        return captions.captions_response(self, language)

    def get_cached_paths(self):
        """The page and its downloads (calendar, chapters file, captions): what a CDN purge on
        publish must cover."""
        return [
            "/",
            self.reverse_subpage("calendar"),
            self.reverse_subpage(CHAPTERS_JSON_ROUTE_NAME),
            *(
                self.reverse_subpage("captions", kwargs={"language": language})
                for language in captions.LANGUAGE_NAMES
            ),
        ]

    @cached_property
    def broadcast(self):
        return Broadcast(
            self.date,
            self.start_time,
            self.duration_minutes,
            self.status,
            self.previous_date,
            self.previous_start_time,
        )

    @property
    def offered_livestream_url(self):
        """The livestream address, unless the episode is postponed or cancelled."""
        if not self.broadcast.is_happening:
            return ""
        return safe_web_address(self.livestream_url) or ""

    @property
    def status_sentence(self):
        return status_sentence(self.broadcast)

    @property
    def state(self):
        """The EpisodeState now: upcoming, live or past."""
        return self.broadcast.state()

    @property
    def recording_before_broadcast(self):
        """A recording address on an episode that has not happened yet: allowed, but flagged."""
        return bool(self.recording_url) and not self.state.is_past

    @property
    def local_start(self):
        """The start in the edition city's own clock, when that differs from Amsterdam's."""
        city = self.localized_city
        return self.broadcast.local_start(city.time_zone if city else None)

    def neighbours(self):
        """(previous, next) live episodes of the same series in broadcast order, or None: read
        once per content change, with small queries however many episodes the series has."""
        return kept_until_content_changes(f"episode-neighbours:{self.pk}", self._read_neighbours)

    def _read_neighbours(self):
        episodes = self.get_parent().specific.episodes().defer_streamfields()
        if not episodes.filter(pk=self.pk).exists():  # a draft or a private episode
            return None, None
        earlier = broadcast_order_before(self)
        others = episodes.exclude(pk=self.pk)
        return others.filter(earlier).reverse().first(), others.exclude(earlier).first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["previous_episode"], context["next_episode"] = self.neighbours()
        return context

    def structured_data(self, request):
        return [*super().structured_data(request), structured_data.episode_event(self, request)]

    @cached_property
    def related_in_language(self):
        """The city, speakers, organisations, chapters and transcript in the page's language
        (#710: inline links may point at the source), read once per content change."""
        return kept_until_content_changes(
            f"episode-related:{self.pk}",
            lambda: {
                "city": localize_all([self.city], self.locale)[0] if self.city_id else None,
                "speakers": episode_speakers(self),
                "organisations": episode_organisations(self),
                "chapters": episode_chapters(self),
                "transcript": episode_transcript(self),
            },
        )

    @cached_property
    def localized_city(self):
        return self.related_in_language["city"]

    @cached_property
    def speakers_in_language(self):
        """(person, role) in the page's language, in the editor's order."""
        return self.related_in_language["speakers"]

    @cached_property
    def organisations_in_language(self):
        """(organisation page, link) in the page's language."""
        return self.related_in_language["organisations"]

    @cached_property
    def chapters_in_language(self):
        """(chapter, speaker or None) in the page's language, in order."""
        return self.related_in_language["chapters"]

    @cached_property
    def chapter_moments(self):
        """The chapters as readers meet them: times, titles, speakers and where each plays."""
        return chapters.moments(
            self.chapters_in_language,
            self.recording_url,
            self.duration_minutes,
            captions_language=self.player_captions_language,
        )

    @cached_property
    def transcript_in_language(self):
        """(transcript line, speaker or None) in the page's language, in order."""
        related = self.related_in_language
        # An entry kept by a version of the site that read no transcript has none.
        return related["transcript"] if "transcript" in related else episode_transcript(self)

    @cached_property
    def transcript_moments(self):
        """The transcript as readers meet it: each line's time, end, speaker and where it
        plays."""
        return chapters.moments(
            self.transcript_in_language,
            self.recording_url,
            self.duration_minutes,
            words=lambda line: line.text,
            captions_language=self.player_captions_language,
        )

    @cached_property
    def captions_languages(self):
        """[(code, name in its own language)] of the languages the recording has captions in."""
        return [(code, captions.LANGUAGE_NAMES[code]) for code in captions.captions_languages(self)]

    @cached_property
    def player_captions_language(self):
        """The page's language when the recording has captions in it, for the player to switch
        them on; None otherwise."""
        language = language_of(self)
        return language if language in dict(self.captions_languages) else None

    def extra_search_text(self):
        city = self.localized_city
        words = [city.name, city.country] if city else []
        people = [person.name for person, _role in self.speakers_in_language]
        titles = [chapter.title for chapter, _person in self.chapters_in_language]
        said = [line.text for line, _person in self.transcript_in_language]
        return words + people + titles + said


class EpisodeSpeaker(TranslatableMixin, Orderable):
    """A person speaking in an episode, with their part in it."""

    page = ParentalKey(EpisodePage, on_delete=models.CASCADE, related_name="speakers")
    person = models.ForeignKey(
        "livecasts.Person", on_delete=models.CASCADE, related_name="+", verbose_name=_("person")
    )
    role = models.CharField(
        _("role in this episode"), max_length=120, blank=True, help_text=_("e.g. 'moderator'.")
    )

    panels = [FieldPanel("person"), FieldPanel("role")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")


class EpisodeOrganisation(Orderable):
    """An organisation taking part in an episode, as organiser or partner."""

    ORGANISER, PARTNER = "organiser", "partner"

    page = ParentalKey(EpisodePage, on_delete=models.CASCADE, related_name="organisations")
    organisation = models.ForeignKey(
        "livecasts.OrganisationPage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("organisation"),
    )
    kind = models.CharField(
        _("part"),
        max_length=20,
        choices=[(ORGANISER, _("Organiser")), (PARTNER, _("Partner"))],
        default=ORGANISER,
    )

    panels = [FieldPanel("organisation"), FieldPanel("kind")]

    class Meta(Orderable.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
