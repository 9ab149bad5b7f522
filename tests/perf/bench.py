"""`make bench`: page throughput under gunicorn with production settings, as a fraction of a
trivial Django view's measured in the same interleaved rounds, uncached and page-cached; then
the same with a generated programme of 2,000 episodes. Nothing here asserts a time.

BENCH_ROUNDS, BENCH_SECONDS (per page and round), BENCH_EPISODES and BENCH_LANGUAGES (those
the generated programme is translated into) change the run's size."""

import os
import statistics
import time

from tests.perf.load import requests_per_second, status_of
from tests.perf.site_under_test import benchmark_site

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "1.5"))
EPISODES = int(os.environ.get("BENCH_EPISODES", "2000"))
LANGUAGES = os.environ.get("BENCH_LANGUAGES", "")
CEILING = "/bench/ceiling"
API_LISTING = (
    "/api/v2/pages/?type=livecasts.EpisodePage&locale=el"
    "&fields=speakers,organisations,city,schedule&limit=20"
)
DEMO_PAGES = {
    "home (en)": "/en/",
    "series (el)": "/el/infected-cities/",
    "episode (en)": "/en/infected-cities/paris/",
    "episode (el)": "/el/infected-cities/athens/",
    "organisation (pl)": "/pl/organisations/dutchculture/",
    "standard page (en)": "/en/about/",
    "search (fr)": "/fr/search/?q=Athenes",
    "series RSS (nl)": "/nl/infected-cities/feed/rss/",
    "series calendar (es)": "/es/infected-cities/calendar.ics",
    "API, 20 episodes (el)": API_LISTING,
}


def generated_pages(language):
    series = f"/{language}/generated-programme/"
    return {
        f"gen. series ({language})": series,
        f"gen. episode ({language})": f"{series}episode-{EPISODES // 2:04d}/",
        f"gen. series RSS ({language})": f"{series}feed/rss/",
        f"gen. calendar ({language})": f"{series}calendar.ics",
    }


def measure(pages, servers):
    """{(page, mode): [(req/s, ÷ ceiling) per round]}; each round asks for every page on every
    server, then the ceiling, so a slow moment of the machine weighs on all alike."""
    results = {}
    for _ in range(ROUNDS):
        round_rates = {}
        for name, path in pages.items():
            for mode, port in servers.items():
                round_rates[name, mode] = requests_per_second(port, path, SECONDS)
                drain(port)
        ceiling, _failed = requests_per_second(servers["uncached"], CEILING, SECONDS)
        drain(servers["uncached"])
        for key, (rate, failed) in round_rates.items():
            results.setdefault(key, []).append((rate, rate / max(ceiling, 1e-9), failed))
        results.setdefault(("ceiling", "uncached"), []).append((ceiling, 1.0, 0))
    return results


def drain(port):
    """Wait until the server has answered what the load left queued (wrk stops at its deadline
    without waiting), so that a slow page's backlog does not count against the next one."""
    status_of(port, CEILING)


def warm(pages, servers):
    for path in pages.values():
        for port in servers.values():
            for _ in range(4):  # each worker renders it, renditions and caches made
                status = status_of(port, path)
                assert status == 200, (path, status)


def print_table(title, pages, results, queries):
    print(f"\n{title}  ({ROUNDS} rounds × {SECONDS:g} s per page; medians)")
    header = f"{'page':<24}{'queries':>9}{'req/s':>9}{'÷ ceil':>8}"
    print(f"{'':<24}{'— uncached —':>26}{'— page cache —':>26}")
    print(header + header[24:] + f"{'errors':>8}")
    for name, path in pages.items():
        row = f"{name:<24}"
        errors = 0
        for mode, index in (("uncached", 0), ("cached", 1)):
            rounds = results[name, mode]
            rate = statistics.median(r for r, _ratio, _failed in rounds)
            ratio = statistics.median(ratio for _r, ratio, _failed in rounds)
            errors += sum(failed for *_rest, failed in rounds)
            row += f"{queries[path][index]:>9}{rate:>9.1f}{ratio:>8.3f}"
        print(row + f"{errors:>8}")
    ceiling = statistics.median(rate for rate, *_ in results["ceiling", "uncached"])
    print(f"{'ceiling ' + CEILING:<24}{0:>9}{ceiling:>9.1f}{1:>8.3f}")


def bench(site, title, pages):
    print(f"\n{title}: counting queries…", flush=True)
    queries = site.count_queries(list(pages.values()))
    with site.serve(0, port=site.port) as uncached, site.serve(300) as cached:
        servers = {"uncached": uncached, "cached": cached}
        warm(pages, servers)
        results = measure(pages, servers)
    print_table(title, pages, results, queries)


def main():
    started = time.monotonic()
    print("Preparing: throwaway database, migrate, collectstatic, demo content…", flush=True)
    with benchmark_site() as site:
        print(f"  ready in {time.monotonic() - started:.0f} s; database {site.env['DATABASE_URL']}")
        bench(site, "Demo programme (4 episodes × 6 languages)", DEMO_PAGES)

        languages = LANGUAGES or "none (English only)"
        print(f"\nGenerating {EPISODES} episodes, translated into: {languages}", flush=True)
        generation_started = time.monotonic()
        args = ["generate_programme", "--episodes", str(EPISODES), "--languages", LANGUAGES]
        site.manage(*args, quiet=False)
        generation = time.monotonic() - generation_started
        print(f"  generated in {generation:.0f} s", flush=True)

        language = LANGUAGES.split(",")[0] if LANGUAGES else "en"
        at_scale = {**DEMO_PAGES, **generated_pages(language)}
        bench(site, f"With {EPISODES} generated episodes", at_scale)
    print(f"\nTotal bench time: {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
