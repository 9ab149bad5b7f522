from django.core.management.base import BaseCommand

from home.demo.loader import load_demo_content


class Command(BaseCommand):
    help = (
        "Create the Infected Cities demo (series, four episodes, organisations, people, cities) "
        "in English and translate it into every other language. Safe to run again: pages and "
        "snippets that editors added are left alone."
    )

    def handle(self, *args, **options):
        created = []

        def report(line):
            created.append(line)
            self.stdout.write(f"  created {line}")

        def warn(line):
            self.stderr.write(self.style.WARNING(f"  {line}"))

        load_demo_content(report, warn)
        if created:
            self.stdout.write(self.style.SUCCESS(f"Demo content: {len(created)} items created."))
        else:
            self.stdout.write("Demo content is already complete; nothing changed.")
