"""The StreamField blocks every body on the site shares, one StructBlock per component."""

from django.apps import apps
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Locale
from wagtail.rich_text import RichText
from wagtail.snippets.blocks import SnippetChooserBlock

from livecasts import localization
from livecasts.safe_urls import neutralise_markup, safe_web_address, validate_web_address
from livecasts.video import parse_video_url

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]
# The block picker's previews, drawn with the site's own stylesheet.
PREVIEW_TEMPLATE = "blocks/block_preview.html"


def sample_image_value():
    """The newest image in the library, as a stand-in; the preview stays empty without one."""
    return {
        "image": get_image_model().objects.order_by("-created_at").first(),
        "alt_text": "",
        "caption": "Sample caption",
        "credit": "Sample photographer",
    }


def sample_speakers_value():
    """The demo's sample people (never real ones), as many as fit in a short list."""
    # Looked up by name: livecasts.models imports this module.
    person_model = apps.get_model("livecasts", "Person")
    people = person_model.objects.filter(is_sample=True, locale=Locale.get_default())
    return {"heading": "Speakers", "people": list(people[:3])}


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Section heading")), ("h3", _("Subheading"))],
        default="h2",
        label=_("Level"),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading_block.html"
        preview_value = {"text": "What culture does for a city", "level": "h2"}
        preview_template = PREVIEW_TEMPLATE
        description = _("A section heading or subheading that structures the text.")


class ImageValue(blocks.StructValue):
    @property
    def credit_without_symbol(self):
        """The credit as typed, less a leading ©: the template puts one before every credit."""
        return (self.get("credit") or "").strip().removeprefix("©").strip()


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        required=False,
        max_length=250,
        label=_("Alternative text"),
        help_text=_(
            "What the image shows, for readers who cannot see it. Leave empty if it is "
            "purely decorative."
        ),
    )
    caption = blocks.CharBlock(required=False, max_length=250, label=_("Caption"))
    credit = blocks.CharBlock(
        required=False,
        max_length=120,
        label=_("Credit"),
        help_text=_("Photographer or rights holder, shown under the image."),
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image_block.html"
        value_class = ImageValue
        preview_template = PREVIEW_TEMPLATE
        description = _("A photo or illustration with alternative text, caption and credit.")

    def get_preview_value(self):
        return self.normalize(sample_image_value())


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(
        required=False, max_length=160, label=_("Attribution"), help_text=_("Who said it.")
    )

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote_block.html"
        preview_value = {
            "quote": "A city is shaped as much by its culture as by its streets.",
            "attribution": "Sample speaker",
        }
        preview_template = PREVIEW_TEMPLATE
        description = _("A quotation set apart from the text, with who said it.")


def api_with_safe_url(data):
    """An address that may not be a link is null in the API (an empty one stays empty)."""
    url = data.get("url")
    return {**data, "url": safe_web_address(url) if url else url}


class VideoBlock(blocks.StructBlock):
    url = blocks.URLBlock(
        label=_("Video address"),
        help_text=_("A YouTube or Vimeo address. The video loads only when a reader presses play."),
    )
    title = blocks.CharBlock(
        max_length=160, label=_("Title"), help_text=_("Read out on the play button.")
    )
    poster = ImageChooserBlock(
        required=False, label=_("Poster image"), help_text=_("Shown before the video plays.")
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/video_block.html"
        preview_value = {
            "url": "https://www.youtube.com/watch?v=sample00000",
            "title": "Sample video",
        }
        preview_template = PREVIEW_TEMPLATE
        description = _("A YouTube or Vimeo video that loads only when a reader presses play.")

    def clean(self, value):
        value = super().clean(value)
        if value.get("url") and parse_video_url(value["url"]) is None:
            raise StructBlockValidationError(
                block_errors={
                    "url": ValidationError(_("Use a YouTube or Vimeo address of a single video."))
                }
            )
        return value

    def get_api_representation(self, value, context=None):
        return api_with_safe_url(super().get_api_representation(value, context))


class CallToActionValue(blocks.StructValue):
    @property
    def href(self):
        page = self.get("page")
        if page:
            return localization.localized_url(page)
        return safe_web_address(self.get("url")) or ""


class CallToActionBlock(blocks.StructBlock):
    label = blocks.CharBlock(max_length=80, label=_("Button text"))
    page = blocks.PageChooserBlock(required=False, label=_("Page on this site"))
    url = blocks.URLBlock(required=False, label=_("Or an address elsewhere"))

    class Meta:
        icon = "link"
        label = _("Call to action")
        template = "blocks/call_to_action_block.html"
        value_class = CallToActionValue
        preview_value = {"label": "Sign up for the livecast", "url": "https://example.org/"}
        preview_template = PREVIEW_TEMPLATE
        description = _("A button linking to a page on this site or an address elsewhere.")

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = _("Choose a page on this site or enter an address, not both.")
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(message), "url": ValidationError(message)}
            )
        try:
            validate_web_address(value.get("url"))
        except ValidationError as error:
            raise StructBlockValidationError(block_errors={"url": error}) from error
        return value

    def get_api_representation(self, value, context=None):
        return api_with_safe_url(super().get_api_representation(value, context))


class SpeakerListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=120, label=_("Heading"))
    people = blocks.ListBlock(SnippetChooserBlock("livecasts.Person"), label=_("People"))

    class Meta:
        icon = "group"
        label = _("Speaker list")
        template = "blocks/speaker_list_block.html"
        preview_template = PREVIEW_TEMPLATE
        description = _("A list of people chosen from the People snippets.")

    def get_preview_value(self):
        return self.normalize(sample_speakers_value())


class KeyFactBlock(blocks.StructBlock):
    label = blocks.CharBlock(max_length=80, label=_("Label"))
    value = blocks.CharBlock(max_length=160, label=_("Value"))


class KeyFactsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=120, label=_("Heading"))
    facts = blocks.ListBlock(KeyFactBlock(), min_num=1, label=_("Facts"))

    class Meta:
        icon = "list-ul"
        label = _("Key facts")
        template = "blocks/key_facts_block.html"
        preview_value = {
            "heading": "In short",
            "facts": [{"label": "Cities", "value": "4"}, {"label": "Languages", "value": "6"}],
        }
        preview_template = PREVIEW_TEMPLATE
        description = _("A short list of labelled facts, such as dates, places or numbers.")


def paragraph_block():
    return blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        label=_("Text"),
        icon="pilcrow",
        template="blocks/paragraph_block.html",
        preview_value="<p>Culture makes room for people to meet.</p>",
        preview_template=PREVIEW_TEMPLATE,
        description=_("Paragraphs of text with bold, italics, links and lists."),
    )


class SafeApiStreamBlock(blocks.StreamBlock):
    """A body whose API representation has rich text links that could run script taken out."""

    def get_api_representation(self, value, context=None):
        if value is None:
            return []
        return [
            {
                "type": child.block.name,
                "value": child.block.get_api_representation(safe_child_value(child), context),
                "id": child.id,
            }
            for child in value
        ]


def safe_child_value(child):
    if isinstance(child.block, blocks.RichTextBlock):
        return RichText(neutralise_markup(child.value.source))
    return child.value


class BodyBlock(SafeApiStreamBlock):
    heading = HeadingBlock()
    paragraph = paragraph_block()
    image = ImageBlock()
    quote = QuoteBlock()
    video = VideoBlock()
    call_to_action = CallToActionBlock()
    speakers = SpeakerListBlock()
    key_facts = KeyFactsBlock()


class EpisodeBodyBlock(SafeApiStreamBlock):
    """An episode's body. Its recording and speakers have fields of their own, which drive the
    player, the listings, the API and the event data: no video or speaker-list block here."""

    heading = HeadingBlock()
    paragraph = paragraph_block()
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    key_facts = KeyFactsBlock()
