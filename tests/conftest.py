import pytest

pytest_plugins = ["tests.fixtures_content"]


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache (media goes to the test settings' temp folder)."""
    from django.core.cache import cache

    cache.clear()
