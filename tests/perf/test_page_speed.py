"""Benchmarks: how long pages take to render, as ratios of a baseline measured in the same run.

The baseline is /healthz (one trivial query, no templates), so the ratios say what a page
costs on top of Django itself, independent of how fast the machine is. Run with `make bench`.
Nothing here asserts a time; the figures are printed for people to compare between commits."""

import statistics
import time

import pytest

pytestmark = pytest.mark.django_db

ROUNDS = 30
PAGES = {
    "home (en)": "/en/",
    "series (el)": "/el/infected-cities/",
    "episode (en)": "/en/infected-cities/paris/",
    "episode (el)": "/el/infected-cities/athens/",
    "organisation (pl)": "/pl/organisations/dutchculture/",
    "search (fr)": "/fr/search/?q=Athenes",
    "series calendar (es)": "/es/infected-cities/calendar.ics",
    "series RSS (nl)": "/nl/infected-cities/feed/rss/",
}


def median_ms(client, url, rounds=ROUNDS):
    client.get(url)  # warm: renditions, template cache, site root paths
    timings = []
    for _ in range(rounds):
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    return statistics.median(timings)


def test_page_render_times_relative_to_baseline(demo, client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    baseline = median_ms(client, "/healthz")
    rows = [(name, median_ms(client, url)) for name, url in PAGES.items()]

    print(f"\nbaseline /healthz: {baseline:.2f} ms (median of {ROUNDS})")
    print(f"{'page':<24}{'median ms':>10}{'× baseline':>12}")
    for name, ms in rows:
        print(f"{name:<24}{ms:>10.2f}{ms / baseline:>12.1f}")


def test_page_cache_speed_up(demo, client, settings):
    url = "/en/infected-cities/paris/"
    settings.PAGE_CACHE_SECONDS = 0
    uncached = median_ms(client, url)
    settings.PAGE_CACHE_SECONDS = 300
    cached = median_ms(client, url)

    print(f"\nepisode uncached {uncached:.2f} ms, cached {cached:.2f} ms: ")
    print(f"the page cache serves it {uncached / cached:.1f}× faster")
