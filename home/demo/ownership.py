"""How the demo knows its own content: everything it creates carries a translation key made
from a fixed namespace and the thing's name in the demo. Pages and snippets that editors add
get Wagtail's random keys, so the loader never mistakes them for its own."""

import uuid

DEMO_NAMESPACE = uuid.UUID("0b6f2d54-9c1e-4f0a-8f3e-6c2d1a7e5b90")


def demo_key(kind, name):
    """The translation key of the demo's `kind` ("page", "city", "person") called `name`."""
    return uuid.uuid5(DEMO_NAMESPACE, f"{kind}:{name}")


def made_by_demo(instance, kind, name):
    return instance.translation_key == demo_key(kind, name)
