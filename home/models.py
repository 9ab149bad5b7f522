from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    """The root of each language's tree: what a reader sees first."""

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = None

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("One or two sentences under the site name that say what City Makers is."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("home page")
