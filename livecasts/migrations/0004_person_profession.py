# Person.role held a profession or job title; its part in an episode is EpisodeSpeaker.role.

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("livecasts", "0003_episode_status_and_facts"),
    ]

    operations = [
        migrations.RenameField(model_name="person", old_name="role", new_name="profession"),
        migrations.AlterField(
            model_name="person",
            name="profession",
            field=models.CharField(
                blank=True,
                help_text="What they do, e.g. 'urban researcher'. Their part in an episode is set there.",
                max_length=160,
                verbose_name="profession",
            ),
        ),
    ]
