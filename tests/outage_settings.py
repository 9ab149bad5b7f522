"""The test settings with the page cache on, for a site served by a test in a subprocess."""

from citymakers.settings.test import *  # noqa: F403

PAGE_CACHE_SECONDS = 300
