from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm
from wagtail.models import Locale

from livecasts.sample_programme.generate import NoSiteRoot, ProgrammeGenerator
from livecasts.sample_programme.remove import remove_generated_programme


class Command(BaseCommand):
    help = (
        "Generate a large programme for benchmarks and manual testing: one series labelled as "
        "generated sample content, N episodes with speakers, cities and organisations, "
        "translated through wagtail-localize into the given languages. Running it again adds "
        "only what is missing; --remove deletes all of it and nothing else."
    )

    def add_arguments(self, parser):
        parser.add_argument("--episodes", type=int, default=0, help="How many episodes (N ≥ 0).")
        parser.add_argument(
            "--languages",
            default="",
            help="Comma-separated language codes to translate into, e.g. el,pl (the source "
            "language itself may be listed and is skipped).",
        )
        parser.add_argument(
            "--remove", action="store_true", help="Delete everything this command made."
        )

    def handle(self, *args, episodes, languages, remove, verbosity, **options):
        if remove:
            deleted = remove_generated_programme()
            self.stdout.write(f"Removed the generated programme ({deleted} pages).")
            return
        if episodes < 0:
            raise CommandError(f"--episodes must be 0 or more, not {episodes}.")
        locales = self.target_locales(languages)
        with tqdm(total=0, unit=" objects", disable=verbosity < 1) as bar:
            try:
                generator = ProgrammeGenerator(
                    episodes, locales, expect=self.expecting(bar), progress=bar.update
                )
            except NoSiteRoot as error:
                raise CommandError(f"{error}: run migrate and load_demo_content first.") from None
            generator.run()
        made = ", ".join(locale.language_code for locale in locales) or "no other language"
        self.stdout.write(f"Generated programme: {episodes} episodes, translated into {made}.")

    @staticmethod
    def expecting(bar):
        def expect(total):
            bar.total = total
            bar.refresh()

        return expect

    def target_locales(self, languages):
        codes = [code.strip() for code in languages.split(",") if code.strip()]
        known = {locale.language_code: locale for locale in Locale.objects.all()}
        unknown = [code for code in codes if code not in known]
        if unknown:
            raise CommandError(
                f"Unknown language {', '.join(unknown)}; this site has {', '.join(sorted(known))}."
            )
        default = Locale.get_default().language_code
        return [known[code] for code in dict.fromkeys(codes) if code != default]
