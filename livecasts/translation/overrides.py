"""Checks on what a translator sends to wagtail-localize's editor, before it is stored.

The translation editor saves non-text values (a video or website address, the target of a
link in rich text) through wagtail-localize's override endpoint, which runs none of the edit
form's checks. `checked_override` runs the same rules first and answers a refusal the way
Django REST framework (behind the editor's endpoints) does: a JSON body with `detail`, status
400, and nothing stored. (Translated text cannot add links: wagtail-localize flags a string
with markup of its own as an error and leaves it off the page.)
"""

from functools import wraps
from io import BytesIO

from django.core.exceptions import ValidationError
from django.db import models
from django.http import JsonResponse, QueryDict
from django.http.multipartparser import MultiPartParser, MultiPartParserError
from django.utils.translation import gettext as _
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail_localize.models import OverridableSegment, Translation

from livecasts.blocks import VideoBlock
from livecasts.safe_urls import safe_rich_text_href, validate_web_address
from livecasts.video import parse_video_url

WEB, VIDEO, RICH_TEXT_LINK = "web", "video", "rich_text_link"


def submitted_value(request):
    """The `value` of a PUT, sent as the editor sends it (multipart) or URL-encoded."""
    content_type = request.content_type or ""
    if content_type == "multipart/form-data":
        stream = BytesIO(request.body)
        try:
            data, _files = MultiPartParser(
                request.META, stream, request.upload_handlers, request.encoding
            ).parse()
        except MultiPartParserError:
            return None
    elif content_type == "application/x-www-form-urlencoded":
        data = QueryDict(request.body, encoding=request.encoding)
    else:
        return None
    return data.get("value")


def refused(message):
    return JsonResponse({"detail": str(message)}, status=400)


def address_kind(model, path):
    """WEB, VIDEO or RICH_TEXT_LINK for a segment's field path ("body.video.url"), else None."""
    name, *rest = path.split(".")
    field = model._meta.get_field(name)
    if isinstance(field, models.URLField):
        return WEB
    if isinstance(field, StreamField):
        return block_address_kind(field.stream_block, rest)
    if field.one_to_many and rest:
        return address_kind(field.related_model, ".".join(rest))
    return None


def block_address_kind(block, names):
    parent = None
    for name in names:
        if isinstance(block, blocks.ListBlock):
            parent, block = block, block.child_block
        elif isinstance(block, blocks.StructBlock | blocks.StreamBlock):
            parent, block = block, block.child_blocks.get(name)
    if isinstance(block, blocks.RichTextBlock):
        return RICH_TEXT_LINK  # a rich text block's overridable segments are its link targets
    if isinstance(block, blocks.URLBlock):
        return VIDEO if isinstance(parent, VideoBlock) else WEB
    return None


def override_problem(translation, segment, value):
    """Why this override may not be stored, or None."""
    source = translation.source.get_source_instance()
    kind = address_kind(type(source), segment.context.get_field_path(source))
    if kind == RICH_TEXT_LINK and safe_rich_text_href(value) is None:
        return _("A link can only point to a web address (https://…), an e-mail or a phone number.")
    if kind in (WEB, VIDEO):
        try:
            validate_web_address(value)
        except ValidationError as error:
            return error.messages[0]
    if kind == VIDEO and value and parse_video_url(value) is None:
        return _("Use a YouTube or Vimeo address of a single video.")
    return None


def checked_override(view):
    """Wrap wagtail-localize's edit_override: refuse a value the edit form would refuse."""

    @wraps(view)
    def checked_view(request, translation_id, overridable_segment_id, *args, **kwargs):
        if request.method == "PUT":
            translation = Translation.objects.select_related("source").get(pk=translation_id)
            segment = OverridableSegment.objects.filter(
                pk=overridable_segment_id, source=translation.source
            ).first()
            value = submitted_value(request)
            if value is None:
                return refused(_("Nothing to save: the request carried no value."))
            problem = segment and override_problem(translation, segment, value)
            if problem:
                return refused(problem)
        return view(request, translation_id, overridable_segment_id, *args, **kwargs)

    return checked_view
