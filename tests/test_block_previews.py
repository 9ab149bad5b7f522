"""The block picker previews every body block with sample content and the site's stylesheet."""

import pytest
from django.urls import reverse
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from livecasts.blocks import BodyBlock
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

# What each block's sample shows a reader.
SAMPLE_TEXT = {
    "heading": "What culture does for a city",
    "paragraph": "Culture makes room for people to meet.",
    "image": "Sample photographer",
    "quote": "A city is shaped as much by its culture as by its streets.",
    "video": "Play “Sample video",
    "call_to_action": "Sign up for the livecast",
    "speakers": "Sample Ada",
    "key_facts": "Languages",
}


@pytest.fixture
def library():
    """What the image and speaker samples draw on: an image and a sample person."""
    Image.objects.create(title="Any image", file=get_test_image_file())
    PersonFactory(name="Sample Ada", is_sample=True)


def test_every_body_block_has_a_sample_and_a_description():
    children = BodyBlock().child_blocks
    assert set(children) == set(SAMPLE_TEXT)
    for block in children.values():
        assert block.is_previewable, block.name
        assert block.get_description(), block.name


@pytest.mark.parametrize("name", sorted(SAMPLE_TEXT))
def test_block_preview_shows_the_sample_with_the_site_stylesheet(admin_client, library, name):
    block = BodyBlock().child_blocks[name]

    response = admin_client.get(
        reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix}
    )

    assert response.status_code == 200
    assert SAMPLE_TEXT[name] in response.text
    assert '<link rel="stylesheet" href="/static/css/site.css' in response.text
