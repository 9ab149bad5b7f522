import io

import pytest
from django.core.cache import cache, caches
from django.core.management import call_command
from django.test import Client
from wagtail.models import Page

from tests.shared_content import rolled_back_afterwards

pytest_plugins = ["tests.fixtures_content", "tests.translation_fixtures"]


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache (media goes to the test settings' temp folder)."""
    cache.clear()
    caches["content"].clear()


def pytest_collection_modifyitems(items):
    """Tests on the demo content run last, so the demo is built once for all of them."""
    items.sort(key=lambda item: "demo" in getattr(item, "fixturenames", ()))


@pytest.fixture(scope="session")
def demo(django_db_setup, django_db_blocker):
    """The full demo content, built once and rolled back at the end of the run.

    Every test on it runs in a savepoint of its own, so no test sees another's changes. The
    pages are rendered once here: the image renditions they make then last for the whole run
    instead of being drawn again by each test.
    """
    with rolled_back_afterwards(django_db_blocker):
        call_command("load_demo_content", stdout=io.StringIO())
        render_every_page_once()
        yield


def render_every_page_once():
    client = Client()
    for page in Page.objects.live().filter(depth__gt=1).specific():
        client.get(page.url)
