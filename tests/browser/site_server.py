"""A real server for the browser tests: its own SQLite database with the demo content, the
editors' and translators' roles and known accounts, served by gunicorn on a free port.

`python -m tests.browser.site_server build` builds the database (run by `SiteServer` in a
subprocess with the server's environment); the tests only talk to the server over HTTP.
"""

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]
HOST = "127.0.0.1"
ADMIN = "admin"
GREEK_TRANSLATOR = "translator-el"
# A translated page whose addresses were set to script by a path that skipped every check.
POISONED_PAGE = "/pl/infected-cities/warsaw/"
SCRIPT = "javascript:window.__pwned=1;alert(1)"
# Settings that could point the server at shared services instead of its own throw-away ones.
OUTER_SETTINGS = {
    "DATABASE_URL",
    "DJANGO_SETTINGS_MODULE",
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "REDIS_URL",
    "MEDIA_ROOT",
    "STATIC_ROOT",
    "AWS_STORAGE_BUCKET_NAME",
    "FRONTEND_CACHE_PURGE_URL",
    "PAGE_CACHE_SECONDS",
}


@dataclass
class SiteServer:
    workdir: Path
    passwords: dict = field(default_factory=dict)
    process: subprocess.Popen | None = None
    url: str = ""

    @property
    def log_path(self):
        return self.workdir / "server.log"

    def environment(self):
        env = {key: value for key, value in os.environ.items() if key not in OUTER_SETTINGS}
        env.update(
            DJANGO_SETTINGS_MODULE="citymakers.settings.base",
            DATABASE_URL=f"sqlite:///{self.workdir / 'db.sqlite3'}",
            MEDIA_ROOT=str(self.workdir / "media"),
            SECRET_KEY=secrets.token_urlsafe(40),
            DEBUG="false",
            ALLOWED_HOSTS=HOST,
            PYTHONPATH=str(PROJECT_DIR),
        )
        return env

    def build(self):
        """Migrate, load the demo, set up roles and accounts; about a minute."""
        self.passwords = {
            ADMIN: secrets.token_urlsafe(16),
            GREEK_TRANSLATOR: secrets.token_urlsafe(16),
        }
        env = self.environment()
        env["BROWSER_TEST_PASSWORDS"] = (
            f"{self.passwords[ADMIN]} {self.passwords[GREEK_TRANSLATOR]}"
        )
        result = subprocess.run(
            [sys.executable, "-m", "tests.browser.site_server", "build"],
            cwd=PROJECT_DIR,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        if result.returncode != 0:
            raise RuntimeError(f"Building the test site failed:\n{result.stdout}\n{result.stderr}")

    def start(self):
        """Serve on a socket bound here, so no other server can answer in its place."""
        listener = socket.socket()
        listener.bind((HOST, 0))
        listener.set_inheritable(True)
        self.url = f"http://{HOST}:{listener.getsockname()[1]}"
        # Absolute addresses (hreflang, feeds, calendars) name the address served here.
        subprocess.run(
            [sys.executable, "manage.py", "configure_site", "--url", self.url],
            cwd=PROJECT_DIR,
            env=self.environment(),
            check=True,
            capture_output=True,
        )
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(
                [
                    *(sys.executable, "-m", "gunicorn", "tests.browser.wsgi:application"),
                    *("--bind", f"fd://{listener.fileno()}", "--workers", "1", "--threads", "4"),
                    *("--timeout", "120", "--graceful-timeout", "3"),
                ],
                cwd=PROJECT_DIR,
                env=self.environment(),
                stdout=log,
                stderr=subprocess.STDOUT,
                pass_fds=(listener.fileno(),),
            )
        listener.close()
        self.wait_until_healthy()

    def wait_until_healthy(self, seconds=60):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"The test server stopped:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"The test server did not answer /healthz:\n{self.log_tail()}")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def log_tail(self, lines=40):
        if not self.log_path.exists():
            return ""
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])


def build_database():
    """Runs inside the server's environment (see `SiteServer.build`)."""
    import django

    django.setup()
    from django.core.management import call_command

    from tests.browser.episode_states import add_episodes_in_every_state

    call_command("migrate", interactive=False, verbosity=0)
    call_command("load_demo_content", verbosity=0)
    add_a_recording()
    plant_script_addresses()
    add_episodes_in_every_state()
    add_sample_captions()
    create_accounts(*os.environ["BROWSER_TEST_PASSWORDS"].split())


def add_a_recording():
    """The demo's editions have no recording; the reader journey plays one, as an editor
    would add it in the episode's Recording field."""
    from livecasts.models import EpisodePage

    paris = EpisodePage.objects.get(slug="paris", locale__language_code="en")
    paris.recording_url = "https://www.youtube.com/watch?v=aqz-KE-bpKQ"
    paris.save_revision().publish()


def add_sample_captions():
    """English captions for the recorded sample, as an editor would choose them in its Captions
    panel (tests/browser/test_captions.py); its other languages have none."""
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    from livecasts.models import EpisodePage

    episode = EpisodePage.objects.get(slug="sample-recorded", locale__language_code="en")
    captions = "WEBVTT\n\n00:00.000 --> 00:05.000\nSample captions: the opening.\n"
    document = get_document_model().objects.create(
        title="Sample captions (English)",
        file=ContentFile(captions.encode(), name="sample-captions-en.vtt"),
    )
    episode.caption_tracks.create(language="en", document=document)
    episode.save_revision().publish()


def plant_script_addresses():
    """Store script addresses in the Polish Warsaw episode as a bypassed check would."""
    import json

    from livecasts.models import EpisodePage

    page = EpisodePage.objects.get(locale__language_code="pl", number=13)
    raw = list(page.body.raw_data) + [
        {"type": "call_to_action", "value": {"label": "Dołącz", "page": None, "url": SCRIPT}},
        {
            "type": "paragraph",
            "value": f'<p>Zobacz <a href="{SCRIPT}">więcej</a> i '
            '<a href="java&#x09;script:alert(2)">jeszcze</a>.</p>',
        },
    ]
    body = EpisodePage._meta.get_field("body").to_python(json.dumps(raw))
    EpisodePage.objects.filter(pk=page.pk).update(
        recording_url=SCRIPT, livestream_url=SCRIPT, body=body
    )


def create_accounts(admin_password, translator_password):
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import override_settings

    with override_settings(DEBUG=True):  # --demo-users is for development sites only
        call_command("setup_roles", demo_users=True, verbosity=0)
    users = get_user_model().objects
    users.create_superuser(ADMIN, f"{ADMIN}@localhost", admin_password)
    translator = users.get(username=GREEK_TRANSLATOR)
    translator.set_password(translator_password)
    translator.save()


if __name__ == "__main__" and sys.argv[1:] == ["build"]:
    build_database()
