"""Small abstract field groups shared by several page types, each with its own panels."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from citymakers.content_generation import kept_until_content_changes
from citymakers.view_restrictions import RememberedViewRestrictionsMixin
from livecasts import structured_data
from livecasts.blocks import BodyBlock
from livecasts.page_permissions import RolePagePermissionTester
from livecasts.safe_urls import validate_web_address
from search.folding import folded_page_text, folded_title


class SafeAddressesMixin:
    """Refuses an address that may not become a link in any URL field, on every path that
    cleans the model: the admin forms, and wagtail-localize saving a translation."""

    def clean_fields(self, exclude=None):
        try:
            super().clean_fields(exclude=exclude)
            errors = {}
        except ValidationError as error:
            errors = error.error_dict
        for field in self._meta.concrete_fields:
            skip = field.name in errors or (exclude and field.name in exclude)
            if isinstance(field, models.URLField) and not skip:
                try:
                    validate_web_address(field.value_from_object(self))
                except ValidationError as error:
                    errors[field.name] = error.error_list
        if errors:
            raise ValidationError(errors)


class IntroMixin(models.Model):
    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        verbose_name=_("introduction"),
        help_text=_("A short paragraph shown at the top of the page and in listings."),
    )

    intro_panels = [FieldPanel("intro")]
    search_fields = [index.SearchField("intro")]

    class Meta:
        abstract = True


class HeroImageMixin(models.Model):
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hero image"),
        help_text=_("Wide image at the top of the page, also used when the page is shared."),
    )

    hero_panels = [FieldPanel("hero_image")]

    class Meta:
        abstract = True


class BodyMixin(models.Model):
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    body_panels = [FieldPanel("body")]
    search_fields = [
        index.SearchField("body"),
        index.SearchField("folded_search_text"),
        index.SearchField("folded_search_title", boost=2),
        # The admin's page search uses autocomplete: let editors find pages by any word too.
        index.AutocompleteField("folded_search_text"),
    ]

    class Meta:
        abstract = True

    def folded_search_text(self):
        return folded_page_text(self)

    def folded_search_title(self):
        return folded_title(self)

    def extra_search_text(self):
        """Words from related objects (cities, people) that should find this page."""
        return []


class StableSlugMixin:
    """The slug is shared by every translation, so URLs differ only by their language prefix."""

    override_translatable_fields = [SynchronizedField("slug", overridable=False)]


class RolePermissionsMixin(RememberedViewRestrictionsMixin):
    """First in every page model's bases: what a user may do with the page follows the site's
    roles (see livecasts/page_permissions.py); who may see it, the view restrictions, which are
    remembered (see citymakers/view_restrictions.py)."""

    def permissions_for_user(self, user):
        return RolePagePermissionTester(user, self)


class PageMetadataMixin:
    """What every page tells readers, search engines and link previews about itself: one
    description, one breadcrumb trail and its JSON-LD, each worked out once per request."""

    # The first of these fields with text describes the page in meta tags and search results.
    description_fields = ("search_description", "intro")

    @cached_property
    def meta_description(self):
        for name in self.description_fields:
            text = strip_tags(getattr(self, name, "") or "").strip()
            if text:
                return Truncator(text).chars(200)
        return ""

    @property
    def share_image(self):
        """The image a link preview shows: the hero image, where the page has one."""
        return getattr(self, "hero_image", None)

    @cached_property
    def breadcrumbs(self):
        """The pages from this language's home page down to this one (the ancestors are read
        once per content change)."""
        ancestors = kept_until_content_changes(
            f"ancestors:{self.pk}", lambda: list(self.get_ancestors().filter(depth__gte=2))
        )
        return [*ancestors, self]

    def structured_data(self, request):
        """The schema.org objects that describe this page; page types add their own."""
        return [structured_data.breadcrumb_list(self.breadcrumbs, request)]
