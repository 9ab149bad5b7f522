"""Redis is a cache: when it goes away the site serves every page uncached, says so once in the
log and in /healthz, and uses the cache again once Redis is back. The Redis here is the test's
own (tests/own_services.py), stopped and started by the test."""

import logging
import socket
import time

import pytest
from django.core.cache import cache

from citymakers.settings.base import redis_cache
from tests.own_services import OwnRedis

pytestmark = pytest.mark.django_db

SERIES = "/en/infected-cities/"
PAGE_KINDS = [
    "/en/",
    SERIES,
    "/en/infected-cities/athens/",
    "/el/infected-cities/athens/",
    "/en/infected-cities/feed/rss/",
    "/en/infected-cities/feed/atom/",
    "/en/infected-cities/calendar.ics",
    "/en/infected-cities/athens/calendar.ics",
    "/en/search/?q=cities",
    "/api/v2/pages/?type=livecasts.EpisodePage",
    "/sitemap.xml",
    "/robots.txt",
    "/admin/login/",
]


@pytest.fixture(scope="module")
def own_redis():
    redis = OwnRedis().start()
    yield redis
    redis.stop()


@pytest.fixture
def redis_cached_site(settings, own_redis, series_content):
    """The site as production runs it: the page cache in (this test's own) Redis."""
    settings.CACHES = {
        **settings.CACHES,
        "default": {**redis_cache(own_redis.url), "OPTIONS": options(1)},
    }
    settings.PAGE_CACHE_SECONDS = 300
    yield own_redis
    if own_redis.process is None:
        own_redis.start()


def options(retry_seconds):
    return {**redis_cache("redis://unused")["OPTIONS"], "OUTAGE_RETRY_SECONDS": retry_seconds}


def cache_outage_messages(caplog):
    return [r for r in caplog.records if r.name == "citymakers.cache"]


def test_with_redis_down_every_page_kind_is_served_and_the_outage_logged_once(
    client, redis_cached_site, caplog
):
    client.get(SERIES)
    assert client.get(SERIES)["X-Page-Cache"] == "hit"  # Redis serves the page cache

    redis_cached_site.stop()
    with caplog.at_level(logging.WARNING, logger="citymakers.cache"):
        answers = {path: client.get(path) for path in PAGE_KINDS + PAGE_KINDS}

    assert {path: r.status_code for path, r in answers.items()} == dict.fromkeys(PAGE_KINDS, 200)
    assert not any(r.get("X-Page-Cache") for r in answers.values())
    assert "Infected Cities" in answers[SERIES].text
    [outage] = cache_outage_messages(caplog)
    assert "unreachable" in outage.getMessage()
    health = client.get("/healthz")
    assert health.status_code == 200
    assert health.json() == {"status": "degraded", "database": "ok", "cache": "unreachable"}


def test_when_redis_comes_back_the_cache_is_used_again(client, redis_cached_site, caplog):
    redis_cached_site.stop()
    client.get(SERIES)

    redis_cached_site.start()
    time.sleep(1.1)  # the retry interval configured above
    with caplog.at_level(logging.WARNING, logger="citymakers.cache"):
        client.get(SERIES)
        again = client.get(SERIES)

    assert again.status_code == 200 and again["X-Page-Cache"] == "hit"
    assert "answers again" in cache_outage_messages(caplog)[-1].getMessage()
    assert client.get("/healthz").json() == {"status": "ok", "database": "ok", "cache": "ok"}


def test_a_publish_during_an_outage_is_not_hidden_by_stale_copies_afterwards(
    client, redis_cached_site, series_content
):
    client.get(SERIES)
    assert client.get(SERIES)["X-Page-Cache"] == "hit"

    redis_cached_site.pause()  # unreachable, but it keeps the old copy of the page
    series = series_content.series
    series.title = "Infected Cities, revised"
    series.save_revision().publish()
    during = client.get(SERIES)
    redis_cached_site.resume()
    time.sleep(1.1)
    after = client.get(SERIES)

    assert "Infected Cities, revised" in during.text
    assert "X-Page-Cache" not in after and "Infected Cities, revised" in after.text


def test_a_hung_redis_costs_one_timeout_then_nothing_until_the_retry(settings):
    """A server that accepts connections but never answers: the first read waits for the
    socket timeout, the next ones do not try at all."""
    with socket.socket() as hung:
        hung.bind(("127.0.0.1", 0))
        hung.listen(16)
        url = f"redis://127.0.0.1:{hung.getsockname()[1]}/0"
        settings.CACHES = {
            **settings.CACHES,
            "default": {**redis_cache(url), "OPTIONS": options(60)},
        }

        started = time.monotonic()
        assert cache.get("anything", "missing") == "missing"
        first = time.monotonic() - started
        started = time.monotonic()
        for _ in range(20):
            cache.set("anything", 1)
            assert cache.get("anything") is None
        rest = time.monotonic() - started

    assert 0.3 < first < 2
    assert rest < 0.1
