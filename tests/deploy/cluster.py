"""Two production app instances behind nginx on loopback, sharing PostgreSQL and Redis."""

import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import redis

PROJECT_DIR = Path(__file__).resolve().parents[2]
REDIS_URL = "redis://127.0.0.1:6379/7"

NGINX_CONF = """
worker_processes 1;
daemon off;
pid {tmp}/nginx.pid;
error_log {tmp}/nginx-error.log;
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    upstream citymakers {{ server 127.0.0.1:{a}; server 127.0.0.1:{b}; }}
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    server {{
        listen 127.0.0.1:{port};
        # Uploaded images straight from disk (renditions' names change with their content);
        # documents go through the app, which applies their privacy.
        location /media/images/ {{ alias {tmp}/media/images/; expires 365d; }}
        location /media/original_images/ {{ alias {tmp}/media/original_images/; expires 7d; }}
        location /media/ {{ return 404; }}
        location / {{
            proxy_pass http://citymakers;
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-Proto http;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            add_header X-Upstream $upstream_addr always;
        }}
    }}
}}
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url(base_url, name):
    parts = urlsplit(base_url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def wait_until_up(url, process, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url}: the process exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {seconds} s")


class Cluster:
    def __init__(self, base_database_url):
        self.tmp = Path(tempfile.mkdtemp(prefix="citymakers-cluster-"))
        self.tmp.chmod(0o755)  # nginx's workers (another user when started as root) read media
        self.db_name = f"citymakers_cluster_{secrets.token_hex(4)}"
        self.admin_url = database_url(base_database_url, "postgres")
        self.app_ports = [free_port(), free_port()]
        self.port = free_port()
        self.env = {
            **os.environ,
            "SITE_URL": f"http://127.0.0.1:{self.port}",
            "DJANGO_SETTINGS_MODULE": "citymakers.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "DATABASE_URL": database_url(base_database_url, self.db_name),
            "REDIS_URL": REDIS_URL,
            "STATIC_ROOT": str(self.tmp / "static"),
            "MEDIA_ROOT": str(self.tmp / "media"),
            "PAGE_CACHE_SECONDS": "300",
            "TRUSTED_PROXY_COUNT": "1",  # nginx; the app instances are reached through it
        }
        self.processes = []

    def manage(self, *args):
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=PROJECT_DIR,
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
            timeout=600,
        ).stdout

    def start(self):
        with psycopg.connect(self.admin_url, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{self.db_name}"')
        redis.Redis.from_url(REDIS_URL).flushdb()
        self.manage("migrate", "--noinput")
        self.manage("configure_site")
        self.manage("collectstatic", "--noinput")
        for port in self.app_ports:
            self._spawn(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "citymakers.wsgi:application",
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--workers",
                    "1",
                ]
            )
            wait_until_up(f"http://127.0.0.1:{port}/healthz", self.processes[-1])
        conf = self.tmp / "nginx.conf"
        conf.write_text(
            NGINX_CONF.format(
                tmp=self.tmp, a=self.app_ports[0], b=self.app_ports[1], port=self.port
            )
        )
        self._spawn(["nginx", "-c", str(conf), "-p", str(self.tmp)])
        wait_until_up(f"{self.url}/healthz", self.processes[-1])

    def _spawn(self, command):
        log = open(self.tmp / f"process-{len(self.processes)}.log", "w")
        self.processes.append(
            subprocess.Popen(command, cwd=PROJECT_DIR, env=self.env, stdout=log, stderr=log)
        )

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def app_url(self, index):
        return f"http://127.0.0.1:{self.app_ports[index]}"

    def stop(self):
        for process in reversed(self.processes):
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
        with psycopg.connect(self.admin_url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{self.db_name}" WITH (FORCE)')
