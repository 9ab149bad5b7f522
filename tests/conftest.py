import io

import pytest
from django.core.cache import cache
from django.core.management import call_command

from tests.shared_content import rolled_back_afterwards

pytest_plugins = ["tests.fixtures_content", "tests.translation_fixtures"]


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache (media goes to the test settings' temp folder)."""
    cache.clear()


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The full demo content for one test module, rolled back when the module is done."""
    with rolled_back_afterwards(django_db_blocker):
        call_command("load_demo_content", stdout=io.StringIO())
        yield
