"""Django's Redis cache, made to behave like a cache: when Redis cannot be reached, reads miss
and writes are dropped instead of failing the request.

After a failure the server is left alone for OPTIONS["OUTAGE_RETRY_SECONDS"] (default 15) so
that no request waits on a dead server's timeout; the outage is logged once when it starts and
once when the server answers again. The state is shared by every thread of the process."""

import logging
import threading
import time
from urllib.parse import urlsplit

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.dispatch import Signal
from redis.exceptions import ConnectionError, TimeoutError

logger = logging.getLogger("citymakers.cache")

UNREACHABLE = (ConnectionError, TimeoutError, OSError)
_lock = threading.Lock()
_down_until = {}  # server location -> monotonic time of the next attempt
# Sent when a server answers again: writes made meanwhile (such as the page cache's "a page was
# published" counter) were dropped, so what the server still holds may be stale.
cache_reconnected = Signal()


class OneClientPerPool(RedisCacheClient):
    """Django builds a new redis.Redis for every command, and each one fills its table of
    reply parsers again: that was a third of the time of a cached read. A client per connection
    pool is thread-safe and does the same work."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        if pool not in self._clients:
            self._clients[pool] = self._client(connection_pool=pool)
        return self._clients[pool]


class ResilientRedisCache(RedisCache):
    """The site must outlive its cache: RedisCache raises when Redis is gone."""

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        self.outage_retry_seconds = float(options.pop("OUTAGE_RETRY_SECONDS", 15))
        super().__init__(server, {**params, "OPTIONS": options})
        self._class = OneClientPerPool
        self._location = ",".join(self._servers)
        # For the log: host and port only, never a password from the URL.
        self._name = ",".join(urlsplit(url).netloc.rpartition("@")[2] for url in self._servers)

    def is_reachable(self):
        """False while the server is known to be down (no attempt is made then)."""
        until = _down_until.get(self._location)
        return until is None or until <= time.monotonic()

    def _attempt(self, method, fallback, *args):
        """RedisCache's own `method`, or `fallback` when the server cannot be reached."""
        if not self.is_reachable():
            return fallback
        try:
            if self._location in _down_until:
                self._reconnect()
            return getattr(super(), method)(*args)
        except UNREACHABLE as error:
            self._went_down(error)
            return fallback

    def _went_down(self, error):
        with _lock:
            first = self._location not in _down_until
            _down_until[self._location] = time.monotonic() + self.outage_retry_seconds
        if first:
            logger.warning(
                "Cache server %s unreachable (%s): serving without the cache, retrying every %g s",
                self._name,
                error,
                self.outage_retry_seconds,
            )

    def _reconnect(self):
        """After an outage: a ping first, then listeners forget what may be stale, and only
        then the operation itself runs."""
        self._cache.get_client(write=True).ping()
        with _lock:
            recovered = _down_until.pop(self._location, None) is not None
        if recovered:
            logger.warning("Cache server %s answers again", self._name)
            cache_reconnected.send(sender=type(self), cache=self)

    def get(self, key, default=None, version=None):
        return self._attempt("get", default, key, default, version)

    def get_many(self, keys, version=None):
        return self._attempt("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._attempt("has_key", False, key, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._attempt("set", None, key, value, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt("add", False, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt("set_many", list(data), data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self._attempt("delete", False, key, version)

    def delete_many(self, keys, version=None):
        self._attempt("delete_many", None, keys, version)

    def clear(self):
        return self._attempt("clear", False)

    def incr(self, key, delta=1, version=None):
        """A missing key raises ValueError, as in every Django cache; so does an unreachable
        server, and callers fall back to set(), which is then dropped."""
        result = self._attempt("incr", None, key, delta, version)
        if result is None:
            raise ValueError(f"Key {key!r} not found (or the cache server is unreachable).")
        return result
