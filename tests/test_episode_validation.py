"""What an editor is told when an episode cannot be saved."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.models import StandardPage
from livecasts.models import EpisodePage
from tests.admin_forms import episode_form
from tests.factories import EpisodePageFactory, SeriesPageFactory, home_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def series():
    return SeriesPageFactory(parent=home_page())


def add_url(series):
    return reverse("wagtailadmin_pages:add", args=["livecasts", "episodepage", series.pk])


def test_a_valid_episode_is_created(admin_client, series):
    response = admin_client.post(add_url(series), episode_form())

    assert response.status_code == 302
    assert EpisodePage.objects.child_of(series).filter(slug="lisbon").exists()


def test_a_duration_that_is_not_positive_is_refused(admin_client, series):
    response = admin_client.post(add_url(series), episode_form(duration_minutes=0))

    assert response.status_code == 200
    assert "The duration must be at least one minute." in response.text
    assert not EpisodePage.objects.filter(slug="lisbon").exists()


def test_a_number_used_twice_in_a_series_is_refused(admin_client, series):
    EpisodePageFactory(parent=series, number=15, slug="earlier")

    response = admin_client.post(add_url(series), episode_form(number=15))

    assert "Episode 15 already exists in this series; choose another number." in response.text
    assert not EpisodePage.objects.filter(slug="lisbon").exists()


def test_the_same_number_in_another_series_is_fine(admin_client, series):
    other = SeriesPageFactory(parent=home_page())
    EpisodePageFactory(parent=other, number=15)

    response = admin_client.post(add_url(series), episode_form(number=15))

    assert response.status_code == 302


def test_editing_an_episode_keeps_its_own_number(admin_client, series):
    episode = EpisodePageFactory(parent=series, number=15, slug="lisbon")

    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[episode.pk]),
        episode_form(number=15, summary="Changed."),
    )

    assert response.status_code == 302


def test_a_missing_date_is_refused_and_the_typed_text_is_kept(admin_client, series):
    response = admin_client.post(add_url(series), episode_form(date=""))

    form = BeautifulSoup(response.text, "html.parser")
    assert response.status_code == 200
    assert response.context["form"].errors["date"] == ["This field is required."]
    assert form.find("input", attrs={"name": "title"})["value"] == "Infected Cities: Lisbon"
    assert (
        form.find("textarea", attrs={"name": "summary"}).get_text(strip=True) == "A sample episode."
    )


def test_a_recording_before_the_broadcast_is_allowed_but_flagged(admin_client, series):
    form = episode_form(date="2099-01-01", recording_url="https://vimeo.com/123456789")
    assert admin_client.post(add_url(series), form).status_code == 302

    listing = admin_client.get(reverse("episodes:index"))

    assert "recording before broadcast" in listing.text


def standard_page_form(**overrides):
    data = {
        "title": "About the series",
        "slug": "about-the-series",
        "intro": rich_text("<p>Why we make it.</p>"),
        "hero_image": "",
        "body": streamfield([]),
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def test_a_video_block_refuses_an_address_that_is_not_a_video(admin_client):
    body = streamfield(
        [("video", {"url": "https://example.org/clip", "title": "Clip", "poster": ""})]
    )
    add_standard_page = reverse(
        "wagtailadmin_pages:add", args=["home", "standardpage", home_page().pk]
    )

    response = admin_client.post(add_standard_page, standard_page_form(body=body))

    assert "Use a YouTube or Vimeo address of a single video." in response.text
    assert not StandardPage.objects.filter(slug="about-the-series").exists()


def test_the_episode_body_offers_no_video_or_speaker_list(admin_client, series):
    """The recording has its own field and the speakers their own inline: one place each."""
    episode_editor = admin_client.get(add_url(series)).text
    standard_editor = admin_client.get(
        reverse("wagtailadmin_pages:add", args=["home", "standardpage", home_page().pk])
    ).text

    assert "Recording address" in episode_editor and "Speakers" in episode_editor
    assert "Video address" not in episode_editor and "Speaker list" not in episode_editor
    assert "Video address" in standard_editor and "Speaker list" in standard_editor
