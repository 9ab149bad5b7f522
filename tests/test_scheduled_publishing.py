"""A page given a go-live date in the admin goes live when the scheduled-publishing job runs
(the command that `make run` starts and docs/deploy.md schedules), and readers see it at once."""

import datetime
import os
import subprocess
import sys
import time

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.urls import reverse

from livecasts.models import EpisodePage
from livecasts.schedule import PROGRAMME_TIME_ZONE
from tests.admin_forms import episode_form
from tests.subprocess_django import PROJECT_DIR, run_manage
from tests.test_frontend_purge import PURGED

UNREACHABLE_DATABASE = "sqlite:////nonexistent-folder/citymakers.sqlite3"
SKIPPED = "Scheduled publishing skipped, database unavailable"


def amsterdam(*args):
    return datetime.datetime(*args, tzinfo=PROGRAMME_TIME_ZONE)


@pytest.fixture
def scheduled_lisbon(admin_client, series_content, settings):
    """Lisbon, published in the admin at noon with a go-live date of 12:30."""
    settings.PAGE_CACHE_SECONDS = 300
    settings.WAGTAILFRONTENDCACHE = {
        "cdn": {"BACKEND": "tests.test_frontend_purge.RecordingBackend"}
    }
    form = episode_form(go_live_at="2021-01-01 12:30")
    form["action-publish"] = "action-publish"
    add_url = reverse(
        "wagtailadmin_pages:add", args=["livecasts", "episodepage", series_content.series.pk]
    )
    with time_machine.travel(amsterdam(2021, 1, 1, 12, 0), tick=False):
        assert admin_client.post(add_url, form).status_code == 302
    return EpisodePage.objects.get(slug="lisbon")


@pytest.mark.django_db
def test_a_scheduled_episode_goes_live_when_the_job_runs(
    client, scheduled_lisbon, django_capture_on_commit_callbacks
):
    with time_machine.travel(amsterdam(2021, 1, 1, 12, 30, 30), tick=False):
        before = client.get("/en/infected-cities/")  # cached, as a reader saw it
    PURGED.clear()

    with time_machine.travel(amsterdam(2021, 1, 1, 12, 31), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            call_command("run_scheduled_publishing", "--once")
        series_page = client.get("/en/infected-cities/")
        episode_page = client.get("/en/infected-cities/lisbon/")

    assert not scheduled_lisbon.live and "Infected Cities: Lisbon" not in before.text
    assert "X-Page-Cache" not in series_page
    assert "Infected Cities: Lisbon" in series_page.text
    assert episode_page.status_code == 200
    assert {
        "http://localhost/en/infected-cities/",
        "http://localhost/el/infected-cities/feed/rss/",
        "http://localhost/en/infected-cities/lisbon/",
    } <= PURGED


@pytest.mark.django_db
def test_an_interval_below_one_second_is_refused(db):
    with pytest.raises(CommandError, match="at least 1"):
        call_command("run_scheduled_publishing", "--interval", "0")


def test_a_single_run_without_database_fails_with_a_clear_message():
    result = run_manage(
        "run_scheduled_publishing",
        "--once",
        settings_module="citymakers.settings.test",
        DATABASE_URL=UNREACHABLE_DATABASE,
    )

    assert result.returncode == 1
    assert SKIPPED in result.stderr
    assert "Scheduled publishing failed; see the log." in result.stderr
    assert "Traceback" not in result.stderr


def test_the_job_outlives_a_database_outage(tmp_path):
    log = tmp_path / "stderr.log"
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "citymakers.settings.test"}
    environment["DATABASE_URL"] = UNREACHABLE_DATABASE
    with log.open("w") as stderr:
        job = subprocess.Popen(
            [sys.executable, "manage.py", "run_scheduled_publishing", "--interval", "1"],
            cwd=PROJECT_DIR,
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
        try:
            deadline = time.monotonic() + 60
            while log.read_text().count(SKIPPED) < 2 and time.monotonic() < deadline:
                assert job.poll() is None, log.read_text()
                time.sleep(0.2)
            still_running = job.poll() is None
        finally:
            job.terminate()
            job.wait(timeout=10)

    assert log.read_text().count(SKIPPED) >= 2
    assert still_running


def test_make_run_and_the_production_timer_run_this_same_job():
    makefile = (PROJECT_DIR / "Makefile").read_text()
    run_recipe = makefile[makefile.index("\nrun:") : makefile.index("\ntest:")]
    service = (PROJECT_DIR / "deploy/systemd/citymakers-publish-scheduled.service").read_text()
    timer = (PROJECT_DIR / "deploy/systemd/citymakers-publish-scheduled.timer").read_text()
    docs = (PROJECT_DIR / "docs/deploy.md").read_text()

    assert "manage.py run_scheduled_publishing &" in run_recipe
    assert "trap 'kill $$publisher" in run_recipe  # stopped when runserver stops
    assert "manage.py run_scheduled_publishing --once" in service
    assert "OnCalendar=minutely" in timer
    assert "deploy/systemd/citymakers-publish-scheduled" in docs
