"""Organisations that make the programme, and the page that lists them."""

from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from citymakers.view_restrictions import public
from livecasts import structured_data
from livecasts.listing_pages import frozen, kept_listing
from livecasts.localization import with_cities_in_their_language
from livecasts.models.episodes import EpisodePage
from livecasts.models.mixins import (
    BodyMixin,
    IntroMixin,
    PageMetadataMixin,
    RolePermissionsMixin,
    SafeAddressesMixin,
    StableSlugMixin,
)
from livecasts.models.series import SeriesPage

EPISODES_PER_PAGE = 12


class OrganisationIndexPage(
    RolePermissionsMixin, PageMetadataMixin, StableSlugMixin, IntroMixin, Page
):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["livecasts.OrganisationPage"]
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, *IntroMixin.intro_panels]
    search_fields = [*Page.search_fields, *IntroMixin.search_fields]

    class Meta:
        verbose_name = _("organisation index")

    def organisations(self):
        return (
            public(OrganisationPage.objects.child_of(self).live())
            .select_related("logo")
            .order_by("title")
        )


class OrganisationPage(
    RolePermissionsMixin,
    PageMetadataMixin,
    SafeAddressesMixin,
    StableSlugMixin,
    BodyMixin,
    Page,
):
    """An organiser or partner, with the series and episodes it takes part in."""

    parent_page_types = ["livecasts.OrganisationIndexPage"]
    subpage_types = []
    description_fields = ("search_description", "description")

    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(
        _("what it is"),
        max_length=600,
        help_text=_("Two or three sentences on what the organisation is and does."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("description"),
        FieldPanel("logo"),
        FieldPanel("website"),
        *BodyMixin.body_panels,
    ]
    search_fields = [
        *Page.search_fields,
        *BodyMixin.search_fields,
        index.SearchField("description"),
    ]

    class Meta:
        verbose_name = _("organisation")

    def _in_my_locale(self, queryset):
        return public(queryset.live()).filter(locale_id=self.locale_id)

    @property
    def share_image(self):
        return self.logo

    def structured_data(self, request):
        return [*super().structured_data(request), structured_data.organisation(self, request)]

    def series(self):
        return self._in_my_locale(
            SeriesPage.objects.filter(
                organisers__organisation__translation_key=self.translation_key
            ).distinct()
        ).order_by("title")

    def episodes(self):
        return (
            self._in_my_locale(
                EpisodePage.objects.filter(
                    organisations__organisation__translation_key=self.translation_key
                ).distinct()
            )
            .defer_streamfields()
            .select_related("city", "hero_image")
            .order_by("-date", "-number")
        )

    def episodes_page(self, page_number):
        """The page of its episodes asked for, with their cities in their language."""
        episodes = frozen(Paginator(self.episodes(), EPISODES_PER_PAGE).get_page(page_number))
        with_cities_in_their_language(episodes.object_list)  # sets them in place
        return episodes

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        episodes = kept_listing(f"organisation-episodes:{self.pk}", request, self.episodes_page)
        context["episodes"] = context["listing_page"] = episodes
        return context
