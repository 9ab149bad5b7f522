"""The project's shared test set-up (tests/conftest.py) for the workflow's tests.

pytest applies a conftest only below its own folder and will not register one module as two
plugins, so this one declares the same plugins and takes over the shared fixtures by name.
"""

from tests import conftest as shared

pytest_plugins = [*shared.pytest_plugins, "tests.translation_fixtures"]

_empty_cache = shared._empty_cache
