"""Queries per request, counted in-process against the served site's database and cache:
run with the served site's environment, prints {path: [uncached, cached]} as JSON.

Each count is of the second request (the first warms caches, as the served site's first
requests do)."""

import json
import sys

import django
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings


def queries_for(client, path):
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return len(queries)


def main(paths):
    django.setup()
    client = Client(HTTP_HOST="127.0.0.1", HTTP_ACCEPT_ENCODING="gzip")
    counts = {}
    for path in paths:
        with override_settings(PAGE_CACHE_SECONDS=0):
            uncached = queries_for(client, path)
        with override_settings(PAGE_CACHE_SECONDS=300):
            cached = queries_for(client, path)
        counts[path] = [uncached, cached]
    print(json.dumps(counts))


if __name__ == "__main__":
    main(sys.argv[1:])
