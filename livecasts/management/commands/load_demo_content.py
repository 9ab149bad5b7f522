from django.core.management.base import BaseCommand

from livecasts.demo.loader import load_demo_content


class Command(BaseCommand):
    help = (
        "Create the Infected Cities demo (series, four episodes, organisations, people, cities) "
        "in English and translate it into every other language. Safe to run again."
    )

    def handle(self, *args, **options):
        created = []

        def report(line):
            created.append(line)
            self.stdout.write(f"  created {line}")

        load_demo_content(report)
        if created:
            self.stdout.write(self.style.SUCCESS(f"Demo content: {len(created)} items created."))
        else:
            self.stdout.write("Demo content is already complete; nothing changed.")
