"""Checks on what a translator sends to wagtail-localize's editor, before it is stored.

The translation editor saves non-text values (a video or website address, the target of a
link in rich text) through wagtail-localize's override endpoint, which runs none of the edit
form's checks. `checked_override` runs the same rules first and answers a refusal the way
Django REST framework (behind the editor's endpoints) does: a JSON body with `detail`, status
400, and nothing stored. (Translated text cannot add links: wagtail-localize flags a string
with markup of its own as an error and leaves it off the page.)

An override that chooses an image or a page holds its id: one that no longer exists is
refused when it is stored, and a translation whose chosen image or page was deleted since is
not published (wagtail-localize would raise) but sent back with a message.
"""

import json
from functools import wraps
from io import BytesIO

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import models
from django.http import JsonResponse, QueryDict
from django.http.multipartparser import MultiPartParser, MultiPartParserError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.images.models import AbstractImage
from wagtail.models import Page
from wagtail_localize.models import OverridableSegment, SegmentOverride, Translation

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


def target_of(model, path):
    """(parent block, field or block) a segment's field path ("body.video.url") leads to."""
    name, *rest = path.split(".")
    field = model._meta.get_field(name)
    if isinstance(field, StreamField):
        return block_at(field.stream_block, rest)
    if field.one_to_many and rest:
        return target_of(field.related_model, ".".join(rest))
    return None, field


def block_at(block, names):
    parent = None
    for name in names:
        if isinstance(block, blocks.ListBlock):
            parent, block = block, block.child_block
        elif isinstance(block, blocks.StructBlock | blocks.StreamBlock):
            parent, block = block, block.child_blocks.get(name)
    return parent, block


def address_kind(model, path):
    """WEB, VIDEO or RICH_TEXT_LINK for a segment's field path ("body.video.url"), else None."""
    parent, target = target_of(model, path)
    if isinstance(target, models.URLField):
        return WEB
    if isinstance(target, blocks.RichTextBlock):
        return RICH_TEXT_LINK  # a rich text block's overridable segments are its link targets
    if isinstance(target, blocks.URLBlock):
        return VIDEO if isinstance(parent, VideoBlock) else WEB
    return None


def chosen_model(model, path):
    """The model an override at this field path chooses by id (an image, a page), else None."""
    _parent, target = target_of(model, path)
    if isinstance(target, blocks.ChooserBlock):
        return target.target_model
    if isinstance(target, models.ForeignKey):
        return target.related_model
    return None


def missing_choice_message(model):
    if issubclass(model, AbstractImage):
        return _("This image has been deleted: choose another one.")
    if issubclass(model, Page):
        return _("This page has been deleted: choose another one.")
    return _("The chosen item has been deleted: choose another one.")


def missing_choice(model, value):
    """The chosen model if `value` is not the id of one of its objects, else None."""
    try:
        found = model.objects.filter(pk=value).exists()
    except (TypeError, ValueError, ValidationError):
        found = False
    return None if found else model


def broken_choices(translation):
    """Messages for the translation's overrides that choose an object which no longer exists
    (wagtail-localize raises `DoesNotExist` when it publishes them)."""
    source = translation.source.get_source_instance()
    overrides = SegmentOverride.objects.filter(
        locale_id=translation.target_locale_id,
        context__in=OverridableSegment.objects.filter(source=translation.source).values("context"),
    ).select_related("context")
    problems = []
    for override in overrides:
        model = chosen_model(type(source), override.context.get_field_path(source))
        if model and missing_choice(model, json.loads(override.data_json)):
            problems.append(missing_choice_message(model))
    return problems


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
    model = chosen_model(type(source), segment.context.get_field_path(source))
    if model and missing_choice(model, value):
        return missing_choice_message(model)
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


def refuse_publishing_broken_choices(request, instance):
    """before_edit_page/snippet: publishing a translation whose override chooses a deleted
    image or page would raise in wagtail-localize; the translator is told instead, and nothing
    is published."""
    if request.method != "POST" or request.POST.get("action") != "publish":
        return None
    translation = (
        Translation.objects.filter(
            source__object_id=instance.translation_key,
            target_locale_id=instance.locale_id,
            enabled=True,
        )
        .select_related("source")
        .first()
    )
    if translation is None or not broken_choices(translation):
        return None
    messages.error(
        request,
        _(
            "Not published: this translation uses an image or page that has been deleted. "
            "Choose another one in the translation editor, then publish again."
        ),
    )
    return redirect(request.get_full_path())


def checked_preview(view):
    """Wrap wagtail-localize's preview_translation: a translation whose chosen image or page was
    deleted cannot be previewed (wagtail-localize would raise): say so instead."""

    @wraps(view)
    def checked_view(request, translation_id, *args, **kwargs):
        translation = Translation.objects.select_related("source").filter(pk=translation_id).first()
        if translation is not None and broken_choices(translation):
            return render(request, "translation_workflow/preview_unavailable.html", status=409)
        return view(request, translation_id, *args, **kwargs)

    return checked_view
