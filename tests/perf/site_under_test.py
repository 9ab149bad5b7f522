"""The site as production runs it, for the benchmark: a throwaway database (PostgreSQL when
DATABASE_URL points at it, else a SQLite file), production settings, the demo content, and
gunicorn (sync workers ×2) on free loopback ports."""

import contextlib
import json
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import redis

from tests.perf.load import status_of

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/5")  # never database 0


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def throwaway_database(folder, name):
    """A DATABASE_URL for a new, empty database, dropped afterwards."""
    outer = os.environ.get("DATABASE_URL", "")
    if not outer.startswith(("postgres://", "postgresql://")):
        yield f"sqlite:///{folder}/db.sqlite3"
        return
    parts = urlsplit(outer)
    with psycopg.connect(outer, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(outer, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextlib.contextmanager
def cache_prefix(prefix):
    """Our keys in the shared Redis, deleted afterwards (nothing else is touched)."""
    try:
        yield prefix
    finally:
        client = redis.Redis.from_url(REDIS_URL)
        for key in client.scan_iter(match=f"{prefix}:*", count=1000):
            client.delete(key)


class SiteUnderTest:
    """Environment and commands of one benchmark site; `serve()` starts a gunicorn on it."""

    def __init__(self, folder, database_url, prefix):
        self.port = free_port()
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "citymakers.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "false",
            "DATABASE_URL": database_url,
            "STATIC_ROOT": f"{folder}/static",
            "MEDIA_ROOT": f"{folder}/media",
            "SERVE_MEDIA": "true",
            "SITE_URL": f"http://127.0.0.1:{self.port}",
            "REDIS_URL": REDIS_URL,
            "CACHE_KEY_PREFIX": prefix,
            "BENCH": "true",
            "PYTHONPATH": str(ROOT),
        }
        self.folder = folder

    def manage(self, *args, quiet=True):
        output = subprocess.DEVNULL if quiet else None
        subprocess.run(
            [BIN / "python", "manage.py", *args], cwd=ROOT, env=self.env, check=True, stdout=output
        )

    def prepare(self):
        self.manage("migrate", "--noinput", "-v0")
        self.manage("configure_site")
        self.manage("collectstatic", "--noinput", "-v0")
        self.manage("load_demo_content")

    def count_queries(self, paths):
        result = subprocess.run(
            [BIN / "python", "-m", "tests.perf.count_queries", *paths],
            cwd=ROOT,
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
        )
        return json.loads(result.stdout.strip().splitlines()[-1])

    @contextlib.contextmanager
    def serve(self, page_cache_seconds, port=None):
        """gunicorn on `port` (a free one by default), stopped afterwards; yields the port."""
        port = port or free_port()
        log = open(f"{self.folder}/gunicorn-{port}.log", "w")
        server = subprocess.Popen(
            [BIN / "gunicorn", "citymakers.wsgi:application", "--workers", "2"]
            + ["--worker-class", "sync", "--bind", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env={**self.env, "PAGE_CACHE_SECONDS": str(page_cache_seconds)},
            stdout=log,
            stderr=log,
        )
        try:
            wait_until_answering(server, port)
            yield port
        finally:
            server.terminate()
            server.wait(timeout=30)
            log.close()


def wait_until_answering(server, port, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn on port {port} stopped (exit {server.returncode})")
        with contextlib.suppress(OSError):
            if status_of(port, "/bench/ceiling") == 200:
                return
        time.sleep(0.3)
    raise RuntimeError(f"gunicorn on port {port} did not answer within {seconds} s")


@contextlib.contextmanager
def benchmark_site():
    """A prepared SiteUnderTest, everything it made removed afterwards."""
    run_id = secrets.token_hex(4)
    with (
        tempfile.TemporaryDirectory(prefix="citymakers-bench-") as folder,
        throwaway_database(folder, f"bench_{run_id}") as database_url,
        cache_prefix(f"bench-{run_id}") as prefix,
    ):
        site = SiteUnderTest(folder, database_url, prefix)
        site.prepare()
        yield site
