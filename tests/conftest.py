import pytest

pytest_plugins = ["tests.fixtures_content"]


@pytest.fixture(autouse=True)
def _media_and_cache(settings, tmp_path):
    """Each test writes media to its own folder and starts with an empty cache."""
    from django.core.cache import cache

    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()
