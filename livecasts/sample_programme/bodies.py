"""StreamField bodies of generated episodes, in Wagtail's raw block format."""

import uuid


def _block(block_type, value):
    return {"type": block_type, "value": value, "id": str(uuid.uuid4())}


def episode_body(text, series):
    """Four blocks, five segments to translate: every segment costs wagtail-localize a few
    queries per episode and language."""
    return [
        _block("heading", {"text": text["heading"], "level": "h2"}),
        _block("paragraph", text["paragraph"]),
        _block("quote", {"quote": text["quote"], "attribution": "Generated speaker (sample)"}),
        _block("call_to_action", {"label": text["call_to_action"], "page": series.pk, "url": ""}),
    ]
