"""The page editor's forms as a browser posts them, for tests that go through the admin."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield


def episode_form(**overrides):
    data = {
        "title": "Infected Cities: Lisbon",
        "slug": "lisbon",
        "number": 15,
        "date": "2021-02-04",
        "start_time": "",
        "duration_minutes": 90,
        "summary": "A sample episode.",
        "livestream_url": "",
        "recording_url": "",
        "status": "scheduled",
        "speakers": inline_formset([]),
        "organisations": inline_formset([]),
        "chapters": inline_formset([]),
        "transcript_lines": inline_formset([]),
        "caption_tracks": inline_formset([]),
        "body": streamfield([]),
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def episode_edit_form(episode, publish=True, **fields):
    """The page editor's form for an existing `episode` as it stands (its city, speakers and
    times included), with `fields` (values or formsets) in place of what it holds."""
    speakers = [
        {"id": link.pk, "person": link.person_id, "role": link.role}
        for link in episode.speakers.all()
    ]
    data = {
        "title": episode.title,
        "slug": episode.slug,
        "number": episode.number,
        "city": episode.city_id or "",
        "date": episode.date.isoformat(),
        "start_time": episode.start_time.strftime("%H:%M") if episode.start_time else "",
        "duration_minutes": episode.duration_minutes,
        "summary": episode.summary,
        "livestream_url": episode.livestream_url,
        "recording_url": episode.recording_url,
        "status": episode.status,
        "previous_date": "",
        "previous_start_time": "",
        "speakers": inline_formset(speakers, initial=len(speakers)),
        "organisations": inline_formset([]),
        "chapters": inline_formset([]),
        "transcript_lines": inline_formset([]),
        "caption_tracks": inline_formset([]),
        "body": streamfield([]),
        "comments": inline_formset([]),
    }
    if publish:
        data["action-publish"] = "action-publish"
    data.update(fields)
    return nested_form_data(data)
