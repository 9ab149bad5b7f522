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
