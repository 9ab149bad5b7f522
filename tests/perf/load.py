"""A small keep-alive HTTP load generator: a few threads, each with its own connection,
asking for one path as often as they can for a fixed time."""

import http.client
import threading
import time

THREADS = 4  # two sync workers busy, two requests queued: the server never waits for us
HEADERS = {"Host": "127.0.0.1", "Accept-Encoding": "gzip", "User-Agent": "citymakers-bench"}


def _hammer(port, path, deadline, tally, lock):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    ok = failed = 0
    while time.perf_counter() < deadline:
        try:
            connection.request("GET", path, headers=HEADERS)
            response = connection.getresponse()
            response.read()
        except (OSError, http.client.HTTPException):
            connection.close()  # reconnects on the next request
            failed += 1
            continue
        if response.status == 200:
            ok += 1
        else:
            failed += 1
    connection.close()
    with lock:
        tally["ok"] += ok
        tally["failed"] += failed


def requests_per_second(port, path, seconds):
    """(successful requests per second, failed requests) for `path` over `seconds`."""
    tally, lock = {"ok": 0, "failed": 0}, threading.Lock()
    start = time.perf_counter()
    deadline = start + seconds
    threads = [
        threading.Thread(target=_hammer, args=(port, path, deadline, tally, lock))
        for _ in range(THREADS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return tally["ok"] / (time.perf_counter() - start), tally["failed"]


def status_of(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("GET", path, headers=HEADERS)
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()
