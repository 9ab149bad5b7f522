"""Create the six locales and one home page per locale, all translations of one another."""

import uuid

from django.db import migrations

LANGUAGES = ["en", "nl", "fr", "el", "pl", "es"]


def create_locales_and_home_pages(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("home.HomePage")

    # Wagtail's own welcome page makes way for ours.
    Site.objects.all().delete()
    Page.objects.filter(depth=2, content_type__app_label="wagtailcore").delete()
    if HomePage.objects.exists():
        return
    root = Page.objects.get(depth=1)
    home_type, _ = ContentType.objects.get_or_create(app_label="home", model="homepage")
    translation_key = uuid.uuid4()
    start = Page.objects.filter(depth=2).count()
    for position, language in enumerate(LANGUAGES, start=start + 1):
        locale, _ = Locale.objects.get_or_create(language_code=language)
        slug = "home" if language == "en" else f"home-{language}"
        page = HomePage.objects.create(
            title="City Makers",
            draft_title="City Makers",
            slug=slug,
            content_type=home_type,
            path=f"{root.path}{position:04d}",
            depth=2,
            numchild=0,
            url_path=f"/{slug}/",
            locale=locale,
            translation_key=translation_key,
            live=True,
        )
        if language == "en":
            Site.objects.create(
                hostname="localhost", port=80, root_page=page, is_default_site=True,
                site_name="City Makers",
            )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])


def remove_home_pages(apps, schema_editor):
    apps.get_model("wagtailcore.Site").objects.all().delete()
    apps.get_model("home.HomePage").objects.all().delete()
    Page = apps.get_model("wagtailcore.Page")
    Page.objects.filter(depth=1).update(numchild=Page.objects.filter(depth=2).count())
    apps.get_model("wagtailcore.Locale").objects.exclude(language_code="en").delete()


class Migration(migrations.Migration):
    dependencies = [("home", "0001_initial")]

    operations = [migrations.RunPython(create_locales_and_home_pages, remove_home_pages)]
