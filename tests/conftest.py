import io

import pytest
from django.core.management import call_command
from django.db import transaction

pytest_plugins = ["tests.fixtures_content"]


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache (media goes to the test settings' temp folder)."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The full demo content for one test module, rolled back when the module is done."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            call_command("load_demo_content", stdout=io.StringIO())
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
