"""Every body block renders, for the reader, without fetching anything from outside."""

import re

import pytest

from home.models import StandardPage
from livecasts.models import SeriesPage
from tests.factories import ImageFactory, PersonFactory, SeriesPageFactory, home_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def page():
    """A standard page with every block (episode bodies leave out the video and speakers)."""
    image = ImageFactory(title="Poster")
    people = [PersonFactory(name="Sample Ada"), PersonFactory(name="Sample Bo")]
    series = SeriesPageFactory(parent=home_page())
    body = [
        {"type": "heading", "value": {"text": "Why culture matters", "level": "h2"}},
        {"type": "paragraph", "value": "<p>Culture makes <b>room</b> for people.</p>"},
        {
            "type": "image",
            "value": {
                "image": image.pk,
                "alt_text": "A crowded square",
                "caption": "Evening",
                "credit": "Sample photographer",
            },
        },
        {"type": "quote", "value": {"quote": "Cities are people.", "attribution": "Sample Ada"}},
        {
            "type": "video",
            "value": {
                "url": "https://youtu.be/aqz-KE-bpKQ",
                "title": "Trailer",
                "poster": image.pk,
            },
        },
        {
            "type": "call_to_action",
            "value": {"label": "See the series", "page": series.pk, "url": ""},
        },
        {"type": "speakers", "value": {"heading": "Guests", "people": [p.pk for p in people]}},
        {
            "type": "key_facts",
            "value": {
                "heading": "In short",
                "facts": [
                    {"label": "City", "value": "Athens"},
                    {"label": "Language", "value": "Greek"},
                ],
            },
        },
    ]
    page = StandardPage(title="Every block", slug="every-block", body=body)
    home_page().add_child(instance=page)
    return page


def test_every_block_renders(client, page):
    text = client.get(page.url).text

    assert "<h2>Why culture matters</h2>" in text
    assert "Culture makes <b>room</b> for people." in text
    assert 'alt="A crowded square"' in text and "Sample photographer" in text
    assert "<blockquote><p>Cities are people.</p></blockquote>" in text
    assert "Play “Trailer”" in text
    assert f'href="{SeriesPage.objects.get().url}"' in text and "See the series" in text
    assert "Sample Ada" in text and "Sample Bo" in text
    assert "<dt>Language</dt><dd>Greek</dd>" in text


def test_the_video_loads_nothing_from_the_provider_until_play(client, page):
    text = client.get(page.url).text

    assert "<iframe" not in text
    sources = re.findall(r'\ssrcset?="([^"]+)"', text)
    assert sources and all(not src.startswith("http") for src in sources)
    assert 'data-player-url="https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ' in text


def test_images_have_renditions_with_dimensions_and_modern_formats(client, page):
    text = client.get(page.url).text

    assert "<picture>" in text and 'type="image/webp"' in text
    image_tags = re.findall(r"<img [^>]+>", text)
    assert image_tags and all(re.search(r'\bwidth="\d+"', tag) for tag in image_tags)
    assert all(re.search(r'\bheight="\d+"', tag) for tag in image_tags)
    assert 'loading="lazy"' in text
