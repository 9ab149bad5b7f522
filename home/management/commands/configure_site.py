"""Point Wagtail's default Site at the public address in SITE_URL (idempotent; deploy runs it)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Site

from citymakers.addresses import parse_site_url


class Command(BaseCommand):
    help = (
        "Set the default Site's hostname and port from SITE_URL (or --url), so that sitemap, "
        "feeds, calendars, the API and page metadata link to the public address."
    )

    def add_arguments(self, parser):
        parser.add_argument("--url", help="The site's public address; defaults to SITE_URL.")

    def handle(self, *args, url=None, **options):
        url = url or settings.SITE_URL
        if not url:
            raise CommandError("SITE_URL is not set (e.g. SITE_URL=https://citymakers.example.org)")
        try:
            hostname, port = parse_site_url(url)
        except ValueError as error:
            raise CommandError(f"SITE_URL: {error}") from None
        with transaction.atomic():
            site = Site.objects.select_for_update().filter(is_default_site=True).first()
            if site is None:
                raise CommandError("There is no default Site: run `manage.py migrate` first.")
            if (site.hostname, site.port) == (hostname, port):
                self.stdout.write(f"The site is already at {site.root_url}")
                return
            site.hostname, site.port = hostname, port
            site.save(update_fields=["hostname", "port"])
        self.stdout.write(self.style.SUCCESS(f"The site is now at {site.root_url}"))
