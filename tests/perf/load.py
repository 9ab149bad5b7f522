"""Load for one path for a fixed time over keep-alive connections: with wrk when the machine
has it (`apt-get install wrk`), which costs the server's two cores little, else with a few
Python threads, which take a share of them and so flatten the fastest figures."""

import http.client
import math
import re
import shutil
import subprocess
import threading
import time

WRK = shutil.which("wrk")
WRK_CONNECTIONS = 8

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
    if WRK:
        return _with_wrk(port, path, seconds)
    return _with_threads(port, path, seconds)


def _with_wrk(port, path, seconds):
    headers = [part for name, value in HEADERS.items() for part in ("-H", f"{name}: {value}")]
    result = subprocess.run(
        [WRK, "-t1", f"-c{WRK_CONNECTIONS}", f"-d{math.ceil(seconds)}s", *headers]  # whole seconds
        + [f"http://127.0.0.1:{port}{path}"],
        capture_output=True,
        text=True,
        check=True,
    )
    done = re.search(r"(\d+) requests in ([\d.]+)(m?s)", result.stdout)
    total, elapsed = int(done.group(1)), float(done.group(2))
    elapsed /= 1000 if done.group(3) == "ms" else 1
    failed = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", result.stdout))
    errors = re.search(r"Socket errors: ([^\n]*)", result.stdout)
    if errors:
        failed += sum(int(n) for n in re.findall(r"\d+", errors.group(1)))
    return (total - failed) / elapsed, failed


def _with_threads(port, path, seconds):
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
