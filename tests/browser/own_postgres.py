"""A PostgreSQL server of a test's own: its own data directory and port, stopped and started by
the test, never the shared server on 5432.

initdb and postgres refuse to run as root, so as root they run as the `postgres` user on a
directory it owns. Durability is off: the cluster is thrown away after the test.
"""

import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

BIN = Path("/usr/lib/postgresql/15/bin")
HOST = "127.0.0.1"
USER = "citymakers"
FAST_AND_THROWAWAY = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"


def free_port():
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def available():
    return (BIN / "initdb").exists()


@dataclass
class OwnPostgres:
    directory: Path | None = None
    port: int = 0

    @property
    def data(self):
        return self.directory / "data"

    @property
    def url(self):
        return f"postgresql://{USER}@{HOST}:{self.port}/postgres?connect_timeout=3"

    def _run(self, *command, timeout=60):
        if os.geteuid() == 0:
            command = ("runuser", "-u", "postgres", "--", *command)
        return subprocess.run(command, check=True, capture_output=True, text=True, timeout=timeout)

    def create(self):
        """initdb in a fresh directory (about two seconds), then start."""
        self.directory = Path(tempfile.mkdtemp(prefix="own-postgres-"))
        if os.geteuid() == 0:
            shutil.chown(self.directory, "postgres", "postgres")
        self.port = free_port()
        self._run(
            str(BIN / "initdb"), "-D", str(self.data), "-A", "trust", "-U", USER, "-E", "UTF8"
        )
        self.start()
        return self

    def start(self):
        options = f"-p {self.port} -h {HOST} -k {self.directory} {FAST_AND_THROWAWAY}"
        log = str(self.directory / "server.log")
        self._run(
            str(BIN / "pg_ctl"), "-D", str(self.data), "-o", options, "-l", log, "-w", "start"
        )

    def stop(self):
        """Stop at once, as a crash or an outage would: every connection is cut."""
        self._run(str(BIN / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")

    def is_running(self):
        result = subprocess.run(
            [str(BIN / "pg_isready"), "-h", HOST, "-p", str(self.port)], capture_output=True
        )
        return result.returncode == 0

    def destroy(self):
        if self.directory is None:
            return
        if self.is_running():
            self.stop()
        shutil.rmtree(self.directory, ignore_errors=True)
        self.directory = None

    def wait_until_ready(self, seconds=20):
        deadline = time.monotonic() + seconds
        while not self.is_running():
            if time.monotonic() > deadline:
                raise RuntimeError(f"PostgreSQL on port {self.port} did not come back")
            time.sleep(0.1)
