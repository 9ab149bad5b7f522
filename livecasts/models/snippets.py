"""People and cities: translatable snippets chosen from episodes."""

import zoneinfo

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import (
    DraftStateMixin,
    Locale,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from livecasts.models.mixins import SafeAddressesMixin
from livecasts.person_slugs import SLUG_LENGTH, slug_for


class EditorialSnippetMixin(
    DraftStateMixin, LockableMixin, RevisionMixin, PreviewableMixin, models.Model
):
    """Drafts, revisions, locking and preview, as pages have: an edit is not live until published.

    Each subclass declares `_revisions` (a GenericRelation needs a concrete model) and
    `preview_template`."""

    preview_template = None

    class Meta:
        abstract = True

    @property
    def revisions(self):
        return self._revisions

    def get_preview_template(self, request, mode_name):
        return self.preview_template


class Person(
    SafeAddressesMixin, EditorialSnippetMixin, TranslatableMixin, index.Indexed, models.Model
):
    """A speaker or host; one record per language, so bios and professions read naturally."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("address name"),
        max_length=SLUG_LENGTH,
        blank=True,
        help_text=_(
            "The last part of the person's page address, the same in every language. "
            "Left empty, it is made from the name."
        ),
    )
    profession = models.CharField(
        _("profession"),
        max_length=160,
        blank=True,
        help_text=_(
            "What they do, e.g. 'urban researcher'. Their part in an episode is set there."
        ),
    )
    bio = models.TextField(_("short biography"), blank=True, max_length=1200)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("photo"),
    )
    website = models.URLField(_("website"), blank=True)
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="person")
    is_sample = models.BooleanField(
        _("sample person"),
        default=False,
        help_text=_("Tick for invented demo speakers; the site labels them as samples."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("profession"),
        FieldPanel("bio"),
        FieldPanel("photo"),
        FieldPanel("website"),
        FieldPanel("is_sample"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("profession"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
    ]
    override_translatable_fields = [SynchronizedField("slug", overridable=False)]
    preview_template = "livecasts/editing/person_preview.html"

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_person_slug_per_locale")
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slug_for(self)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        others = Person.objects.exclude(translation_key=self.translation_key)
        if self.slug and others.filter(slug=self.slug).exists():
            raise ValidationError({"slug": _("Another person already has this address name.")})

    def get_preview_context(self, request, mode_name):
        # includes/people.html lists (person, part in the episode) pairs.
        return {**super().get_preview_context(request, mode_name), "people": [(self, "")]}


def validate_time_zone(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("'%(value)s' is not a time zone name such as Europe/Paris."),
            params={"value": value},
        )


class City(EditorialSnippetMixin, TranslatableMixin, index.Indexed, models.Model):
    """The city of an edition: its name in each language and the clock it keeps."""

    name = models.CharField(_("name"), max_length=80)
    country = models.CharField(_("country"), max_length=80)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="Europe/Amsterdam",
        validators=[validate_time_zone],
        help_text=_("IANA name such as Europe/Athens; used to show the local start time."),
    )
    edition_locale = models.ForeignKey(
        Locale,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("language of the edition"),
        help_text=_("The language this city's edition is translated into."),
    )
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="city")

    panels = [
        FieldPanel("name"),
        FieldPanel("country"),
        FieldPanel("time_zone"),
        FieldPanel("edition_locale"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("country")]
    override_translatable_fields = [SynchronizedField("time_zone")]
    preview_template = "livecasts/editing/city_preview.html"

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("city")
        verbose_name_plural = _("cities")
        ordering = ["name"]

    def __str__(self):
        return self.name
