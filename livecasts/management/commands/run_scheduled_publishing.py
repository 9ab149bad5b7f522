"""Wagtail publishes a page with a go-live date (and unpublishes one with an expiry date) only
when its `publish_scheduled` command runs. This runs it every minute, next to the web server
(`make run`, or its own process in production), or once with --once (cron, systemd timers)."""

import argparse
import logging
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, close_old_connections

logger = logging.getLogger(__name__)


def whole_seconds(value):
    try:
        seconds = int(value)
    except ValueError:
        seconds = 0
    if seconds < 1:
        raise argparse.ArgumentTypeError(f"must be whole seconds, at least 1, not {value!r}")
    return seconds


class Command(BaseCommand):
    help = (
        "Publish and unpublish scheduled pages (Wagtail's publish_scheduled) every --interval "
        "seconds until stopped; with --once, run once and exit."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval", type=whole_seconds, default=60, help="Seconds between runs (default 60)."
        )
        parser.add_argument("--once", action="store_true", help="Run once, then exit.")

    def handle(self, *args, interval, once, **options):
        if once:
            if not self.publish_due_pages():
                raise CommandError("Scheduled publishing failed; see the log.")
            return
        self.stdout.write(f"Publishing scheduled pages every {interval} s; stop with Ctrl-C.")
        while True:
            started = time.monotonic()
            self.publish_due_pages()
            close_old_connections()  # a connection broken in this run is opened anew next time
            time.sleep(max(0, interval - (time.monotonic() - started)))

    def publish_due_pages(self):
        """One run of publish_scheduled; a failure is logged, and the next run tries again."""
        try:
            call_command("publish_scheduled", stdout=self.stdout, stderr=self.stderr)
        except DatabaseError as error:
            logger.warning("Scheduled publishing skipped, database unavailable: %s", error)
            return False
        except Exception:
            logger.exception("Scheduled publishing failed")
            return False
        return True
