"""The data migration that gives an episode's recording and speakers one place each: bodies
saved with the old video and speaker-list blocks, in page rows and revisions, move into the
Recording field and the Speakers inline. Other page types keep their blocks."""

import json

import pytest
from django.apps import apps
from django.db.migrations import RunPython
from django.db.migrations.loader import MigrationLoader
from django.db.models import JSONField, Value

from home.models import StandardPage
from livecasts.models import EpisodePage
from tests.factories import EpisodePageFactory, PersonFactory, SeriesPageFactory, home_page

pytestmark = pytest.mark.django_db

RECORDING = "https://www.youtube.com/watch?v=aqz-KE-bpKQ"
OTHER_RECORDING = "https://vimeo.com/123456789"


def run_data_migration():
    """Run the migration's data operations, as `migrate` would, on the current tables."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    migration = next(
        migration
        for (app, name), migration in loader.disk_migrations.items()
        if app == "livecasts" and name.endswith("episode_body_without_video_and_speakers")
    )
    for operation in migration.operations:
        if isinstance(operation, RunPython):
            operation.code(apps, None)


def old_body(*people):
    """An episode body as saved before the change, with a video and a speaker list."""
    return [
        {"type": "heading", "value": {"text": "The talk", "level": "h2"}, "id": "h1"},
        {"type": "video", "value": {"url": RECORDING, "title": "Recording", "poster": None}},
        {
            "type": "speakers",
            "value": {
                "heading": "Guests",
                "people": [{"type": "item", "value": p.pk, "id": f"p{p.pk}"} for p in people],
            },
            "id": "s1",
        },
        {"type": "paragraph", "value": "<p>About the city.</p>", "id": "p1"},
    ]


def store_old_body(page, body):
    """Write the body as raw JSON in the page row and its latest revision (the models of
    today would drop the unknown blocks)."""
    type(page).objects.filter(pk=page.pk).update(body=Value(body, output_field=JSONField()))
    revision = page.latest_revision
    revision.content["body"] = json.dumps(body)
    revision.save()


@pytest.fixture
def people():
    return PersonFactory(name="Sample Ada"), PersonFactory(name="Sample Bo")


@pytest.fixture
def old_episode(people):
    ada, bo = people
    series = SeriesPageFactory(parent=home_page())
    episode = EpisodePageFactory(parent=series)
    episode.speakers.add(episode.speakers.model(person=ada, role="Host"))
    episode.save_revision().publish()
    store_old_body(episode, old_body(ada, bo))
    return episode


def test_the_video_moves_into_an_empty_recording_field(old_episode):
    run_data_migration()

    episode = EpisodePage.objects.get(pk=old_episode.pk)
    assert episode.recording_url == RECORDING
    assert [block.block_type for block in episode.body] == ["heading", "paragraph"]
    draft = episode.latest_revision.as_object()
    assert draft.recording_url == RECORDING
    assert [block.block_type for block in draft.body] == ["heading", "paragraph"]


def test_a_recording_already_set_wins_and_the_block_is_dropped(old_episode):
    EpisodePage.objects.filter(pk=old_episode.pk).update(recording_url=OTHER_RECORDING)

    run_data_migration()

    episode = EpisodePage.objects.get(pk=old_episode.pk)
    assert episode.recording_url == OTHER_RECORDING
    assert "video" not in [block.block_type for block in episode.body]


def test_listed_people_become_speakers_once(old_episode, people):
    run_data_migration()

    episode = EpisodePage.objects.get(pk=old_episode.pk)
    speakers = [(link.person.name, link.role) for link in episode.speakers.order_by("sort_order")]
    assert speakers == [("Sample Ada", "Host"), ("Sample Bo", "")]
    draft = episode.latest_revision.as_object()
    assert [link.person.name for link in draft.speakers.all()] == ["Sample Ada", "Sample Bo"]


def test_the_migrated_page_shows_player_and_speakers_once(client, old_episode):
    run_data_migration()
    EpisodePage.objects.get(pk=old_episode.pk).latest_revision.publish()

    text = client.get(old_episode.url).text

    assert text.count("data-player-url=") == 1
    assert "No recording is available" not in text
    assert text.count('<p class="person__name"><span>Sample Ada<') == 1
    assert text.count('<p class="person__name"><span>Sample Bo<') == 1


def test_other_pages_keep_their_video_and_speaker_blocks(old_episode, people):
    page = StandardPage(title="About", slug="about-us")
    home_page().add_child(instance=page)
    page.save_revision().publish()
    store_old_body(page, old_body(*people))

    run_data_migration()

    kept = StandardPage.objects.get(pk=page.pk)
    assert [block.block_type for block in kept.body] == [
        "heading",
        "video",
        "speakers",
        "paragraph",
    ]
