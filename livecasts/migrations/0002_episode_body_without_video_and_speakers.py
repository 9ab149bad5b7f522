"""An episode's recording and speakers live in one place each: the Recording field and the
Speakers inline. Episode bodies lose their video and speaker-list blocks:

1. a body's first video address moves into an empty Recording field, and people of a
   speaker list who are not yet speakers become speakers (after the existing ones), in the
   page rows and in their latest and live revisions (so a draft keeps them too);
2. Wagtail's MigrateStreamData drops the blocks from the bodies of the page rows and of
   every revision;
3. the body's block definition changes to EpisodeBodyBlock.
Other page types keep their video and speaker-list blocks."""

import json
import uuid

import wagtail.fields
from django.db import migrations
from django.db.models import JSONField
from django.db.models.functions import Cast
from wagtail.blocks.migrations.migrate_operation import MigrateStreamData
from wagtail.blocks.migrations.operations import RemoveStreamChildrenOperation

VIDEO, SPEAKERS = "video", "speakers"


def raw_stream(value):
    """A body as a list of raw blocks, whether stored parsed or as JSON text."""
    if isinstance(value, str):
        value = json.loads(value) if value else []
    return value or []


def list_items(items):
    """The values of a raw ListBlock, in its current ({"type": "item", ...}) or older form."""
    return [item["value"] if isinstance(item, dict) else item for item in items or []]


def content_to_move(raw_body):
    """(first video address, person ids of speaker lists in order) of an episode body."""
    addresses, people = [], []
    for block in raw_stream(raw_body):
        value = block.get("value") or {}
        if block.get("type") == VIDEO:
            addresses.append(value.get("url") or "")
        elif block.get("type") == SPEAKERS:
            people += list_items(value.get("people"))
    return next((address for address in addresses if address), ""), people


def speaker_key(page, person):
    """The same key for a page's speaker in every language, as wagtail-localize expects."""
    return uuid.uuid5(page.translation_key, str(person.translation_key))


def new_people(apps, person_ids, known_keys):
    """People among `person_ids`, in order and once each, whose key is not in `known_keys`."""
    Person = apps.get_model("livecasts", "Person")
    found = Person.objects.in_bulk([pk for pk in person_ids if pk])
    people = []
    for pk in person_ids:
        person = found.get(pk)
        if person is not None and person.translation_key not in known_keys:
            known_keys.add(person.translation_key)
            people.append(person)
    return people


def ordered_links(apps, page):
    """The page's speakers in the editor's order (rows saved without a position keep the order
    they were made in, on every database)."""
    EpisodeSpeaker = apps.get_model("livecasts", "EpisodeSpeaker")
    links = EpisodeSpeaker.objects.filter(page_id=page.pk).select_related("person")
    return sorted(links, key=lambda link: (link.sort_order is None, link.sort_order or 0, link.pk))


def move_into_page(apps, page, address, person_ids):
    """Fill the page row's Recording field and Speakers inline; return its speakers by key."""
    EpisodePage = apps.get_model("livecasts", "EpisodePage")
    EpisodeSpeaker = apps.get_model("livecasts", "EpisodeSpeaker")
    if address and not page.recording_url:
        EpisodePage.objects.filter(pk=page.pk).update(recording_url=address)
    links = ordered_links(apps, page)
    people = new_people(apps, person_ids, {link.person.translation_key for link in links})
    if people:
        for position, link in enumerate(links):
            EpisodeSpeaker.objects.filter(pk=link.pk).update(sort_order=position)
    for person in people:
        links.append(
            EpisodeSpeaker.objects.create(
                page_id=page.pk,
                person=person,
                role="",
                sort_order=len(links),
                locale_id=page.locale_id,
                translation_key=speaker_key(page, person),
            )
        )
    return {link.person.translation_key: link for link in links}


def move_into_revision(apps, page, revision, links_by_key):
    """The same move inside a revision's content, from that revision's own body."""
    Person = apps.get_model("livecasts", "Person")
    content = revision.content
    address, person_ids = content_to_move(content.get("body"))
    if address and not content.get("recording_url"):
        content["recording_url"] = address
    speakers = content.setdefault("speakers", [])
    listed = Person.objects.in_bulk([speaker.get("person") for speaker in speakers])
    known = {person.translation_key for person in listed.values()}
    people = new_people(apps, person_ids, known)
    if people:
        for position, speaker in enumerate(speakers):
            speaker["sort_order"] = position
    for person in people:
        link = links_by_key.get(person.translation_key)
        speakers.append(
            {
                "pk": link.pk if link else None,
                "page": page.pk,
                "person": person.pk,
                "role": "",
                "sort_order": len(speakers),
                "translation_key": str(speaker_key(page, person)),
                "locale": page.locale_id,
            }
        )
    revision.save(update_fields=["content"])


def move_recording_and_speakers(apps, schema_editor):
    EpisodePage = apps.get_model("livecasts", "EpisodePage")
    Revision = apps.get_model("wagtailcore", "Revision")
    pages = EpisodePage.objects.annotate(raw_body=Cast("body", JSONField()))
    for page in list(pages):  # not iterator(): SQLite would see the rows this loop writes
        address, person_ids = content_to_move(page.raw_body)
        if not address and not person_ids:
            continue
        links_by_key = move_into_page(apps, page, address, person_ids)
        revision_ids = {page.latest_revision_id, page.live_revision_id} - {None}
        for revision in Revision.objects.filter(pk__in=revision_ids):
            move_into_revision(apps, page, revision, links_by_key)


class Migration(migrations.Migration):

    dependencies = [
        ('livecasts', '0001_initial'),
    ]

    operations = [
        migrations.RunPython(move_recording_and_speakers, migrations.RunPython.noop),
        MigrateStreamData(
            app_name="livecasts",
            model_name="EpisodePage",
            field_name="body",
            operations_and_block_paths=[
                (RemoveStreamChildrenOperation(name=VIDEO), ""),
                (RemoveStreamChildrenOperation(name=SPEAKERS), ""),
            ],
        ),
        migrations.AlterField(
            model_name='episodepage',
            name='body',
            field=wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('image', 8), ('quote', 11), ('call_to_action', 15), ('key_facts', 21)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 120}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Section heading'), ('h3', 'Subheading')], 'label': 'Level'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ol', 'ul'], 'icon': 'pilcrow', 'label': 'Text', 'preview_value': '<p>Culture makes room for people to meet.</p>', 'template': 'blocks/paragraph_block.html'}), 4: ('wagtail.images.blocks.ImageChooserBlock', (), {'label': 'Image'}), 5: ('wagtail.blocks.CharBlock', (), {'help_text': 'What the image shows, for readers who cannot see it. Leave empty if it is purely decorative.', 'label': 'Alternative text', 'max_length': 250, 'required': False}), 6: ('wagtail.blocks.CharBlock', (), {'label': 'Caption', 'max_length': 250, 'required': False}), 7: ('wagtail.blocks.CharBlock', (), {'help_text': 'Photographer or rights holder, shown under the image.', 'label': 'Credit', 'max_length': 120, 'required': False}), 8: ('wagtail.blocks.StructBlock', [[('image', 4), ('alt_text', 5), ('caption', 6), ('credit', 7)]], {}), 9: ('wagtail.blocks.TextBlock', (), {'label': 'Quote'}), 10: ('wagtail.blocks.CharBlock', (), {'help_text': 'Who said it.', 'label': 'Attribution', 'max_length': 160, 'required': False}), 11: ('wagtail.blocks.StructBlock', [[('quote', 9), ('attribution', 10)]], {}), 12: ('wagtail.blocks.CharBlock', (), {'label': 'Button text', 'max_length': 80}), 13: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Page on this site', 'required': False}), 14: ('wagtail.blocks.URLBlock', (), {'label': 'Or an address elsewhere', 'required': False}), 15: ('wagtail.blocks.StructBlock', [[('label', 12), ('page', 13), ('url', 14)]], {}), 16: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 120, 'required': False}), 17: ('wagtail.blocks.CharBlock', (), {'label': 'Label', 'max_length': 80}), 18: ('wagtail.blocks.CharBlock', (), {'label': 'Value', 'max_length': 160}), 19: ('wagtail.blocks.StructBlock', [[('label', 17), ('value', 18)]], {}), 20: ('wagtail.blocks.ListBlock', (19,), {'label': 'Facts', 'min_num': 1}), 21: ('wagtail.blocks.StructBlock', [[('heading', 16), ('facts', 20)]], {})}, verbose_name='body'),
        ),
    ]
