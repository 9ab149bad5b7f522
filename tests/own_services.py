"""Private Redis and PostgreSQL servers for outage tests: each on a free port and in its own
temporary folder, started and stopped by the test, never the shared ones.

PostgreSQL refuses to run as root; under root its folder is given to the `postgres` user and
its commands run as that user."""

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

PG_BIN = Path("/usr/lib/postgresql/15/bin")


def postgres_installed():
    return (PG_BIN / "initdb").exists()


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(check, timeout=20, what="service"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise TimeoutError(f"{what} did not come up within {timeout} s")


def port_open(port):
    with socket.socket() as probe:
        probe.settimeout(0.2)
        return probe.connect_ex(("127.0.0.1", port)) == 0


class OwnRedis:
    """`redis-server` without persistence on a port of its own."""

    def __init__(self):
        self.port = free_port()
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1"]
            + ["--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        wait_until(lambda: port_open(self.port), what="redis-server")
        return self

    def pause(self):
        """Frozen, its data kept: connections time out, as behind a network partition."""
        self.process.send_signal(signal.SIGSTOP)

    def resume(self):
        self.process.send_signal(signal.SIGCONT)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.resume()
            self.process.terminate()
            self.process.wait(timeout=10)
        self.process = None


class OwnPostgres:
    """A PostgreSQL 15 cluster in a temporary folder, trust authentication for `root`."""

    def __init__(self):
        self.port = free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="citymakers-pg-"))
        self.data = self.folder / "data"
        self._user = "postgres" if os.geteuid() == 0 else None
        if self._user:
            shutil.chown(self.folder, self._user)

    def url(self, database="postgres"):
        return f"postgresql://root@127.0.0.1:{self.port}/{database}?connect_timeout=2"

    def _run(self, *command):
        prefix = ["runuser", "-u", self._user, "--"] if self._user else []
        return subprocess.run(
            prefix + [str(part) for part in command], check=True, capture_output=True, text=True
        )

    def initdb(self):
        self._run(PG_BIN / "initdb", "-D", self.data, "-A", "trust", "-U", "root", "--no-sync")
        return self

    def start(self):
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        log = self.folder / "log"
        self._run(PG_BIN / "pg_ctl", "-D", self.data, "-o", options, "-l", log, "-w", "start")
        wait_until(self.is_ready, what="PostgreSQL")
        return self

    def is_ready(self):
        ready = subprocess.run(
            [PG_BIN / "pg_isready", "-h", "127.0.0.1", "-p", str(self.port)], capture_output=True
        )
        return ready.returncode == 0

    def stop(self):
        if (self.data / "postmaster.pid").exists():
            self._run(PG_BIN / "pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop")

    def remove(self):
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)
