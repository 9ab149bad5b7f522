"""A cache for what is kept under the content generation (citymakers/content_generation.py):
fragments of templates and facts read from the page tree.

Such an entry never changes once stored, since the next content change gives it a new key, so
each app process keeps its own copy in memory after the first read and asks the shared cache
(Redis in production) only for what it has not seen: a warm page reads each fragment without a
round trip. Entries go out of memory when they expire or, least recently used first, when
LOCAL_ENTRIES is reached."""

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
from django.core.cache.backends.locmem import LocMemCache


class LocalFirstCache(BaseCache):
    def __init__(self, location, params):
        options = params.get("OPTIONS", {})
        super().__init__({**params, "OPTIONS": {}})
        self._shared_alias = options.get("SHARED", "default")
        # Every alias with this backend shares the one memory: LocMemCache keys it by name.
        self._local = LocMemCache(
            location or "citymakers-content",
            {"OPTIONS": {"MAX_ENTRIES": options.get("LOCAL_ENTRIES", 5000)}},
        )

    @property
    def _shared(self):
        return caches[self._shared_alias]

    def get(self, key, default=None, version=None):
        missing = object()
        value = self._local.get(key, missing, version)
        if value is not missing:
            return value
        value = self._shared.get(key, missing, version)
        if value is missing:
            return default
        self._local.set(key, value, self.default_timeout, version)
        return value

    def _shared_is_reachable(self):
        # While the shared cache is down, keys are made up per request (content_generation):
        # memory would only fill with entries nothing reads again.
        return getattr(self._shared, "is_reachable", lambda: True)()

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._shared.set(key, value, timeout, version)
        if self._shared_is_reachable():
            self._local.set(key, value, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        added = self._shared.add(key, value, timeout, version)
        if added and self._shared_is_reachable():
            self._local.set(key, value, timeout, version)
        return added

    def has_key(self, key, version=None):
        return self._local.has_key(key, version) or self._shared.has_key(key, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        self._local.touch(key, timeout, version)
        return self._shared.touch(key, timeout, version)

    def delete(self, key, version=None):
        self._local.delete(key, version)
        return self._shared.delete(key, version)

    def clear(self):
        """Forget this process's copies only. The shared entries are left alone: they belong to
        every process, and a content change already makes them unreachable."""
        self._local.clear()
