"""StreamField bodies for the demo pages, in Wagtail's raw block format."""

import uuid

from home.demo.content import FACT_LABELS


def _block(block_type, value):
    return {"type": block_type, "value": value, "id": str(uuid.uuid4())}


def _list(values):
    return [{"type": "item", "value": value, "id": str(uuid.uuid4())} for value in values]


def episode_body(episode, city_name, image, people, series_page):
    """Every block an episode body offers, once. The speakers have their own inline, and the
    demo editions have no recording (they are past, and a sample video is no recording)."""
    facts = [
        {"label": FACT_LABELS["date"], "value": episode["date_label"]},
        {"label": FACT_LABELS["city"], "value": city_name},
        {"label": FACT_LABELS["format"], "value": FACT_LABELS["format_value"]},
    ]
    return [
        _block("heading", {"text": episode["heading"], "level": "h2"}),
        _block("paragraph", episode["text"]),
        _block(
            "image",
            {
                "image": image.pk,
                "alt_text": f"Abstract illustration in the colours of the {city_name} edition",
                "caption": FACT_LABELS["image_caption"],
                "credit": FACT_LABELS["image_credit"],
            },
        ),
        _block("quote", {"quote": episode["quote"], "attribution": people[-1].name}),
        _block("key_facts", {"heading": FACT_LABELS["heading"], "facts": _list(facts)}),
        _block(
            "call_to_action",
            {"label": FACT_LABELS["cta_label"], "page": series_page.pk, "url": ""},
        ),
    ]


def text_body(heading, text, quote=None, attribution=""):
    blocks = [_block("heading", {"text": heading, "level": "h2"}), _block("paragraph", text)]
    if quote:
        blocks.append(_block("quote", {"quote": quote, "attribution": attribution}))
    return blocks
