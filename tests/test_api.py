"""The headless API (/api/v2/): read-only, filterable by language, with livecast fields."""

import pytest
from wagtail.models import PageViewRestriction

pytestmark = pytest.mark.django_db

EPISODES = "/api/v2/pages/?type=livecasts.EpisodePage"
SERIES = "/api/v2/pages/?type=livecasts.SeriesPage"


def get_items(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    return response.json()["items"]


def test_greek_episodes_by_locale_with_chosen_fields(client, series_content):
    items = get_items(client, f"{EPISODES}&locale=el&fields=number,date")

    assert [(item["title"], item["number"], item["date"]) for item in items] == [
        ("Infected Cities: Παρίσι", 11, "2020-12-10"),
        ("Infected Cities: Αθήνα", 12, "2020-12-17"),
    ]
    assert {item["meta"]["locale"] for item in items} == {"el"}
    assert items[0]["meta"]["html_url"] == "http://localhost/el/infected-cities/paris/"


def test_listing_without_locale_covers_every_language_but_no_drafts(client, series_content):
    items = get_items(client, f"{EPISODES}&fields=number")

    assert sorted((item["meta"]["locale"], item["number"]) for item in items) == [
        ("el", 11),
        ("el", 12),
        ("en", 11),
        ("en", 12),
        ("en", 13),
    ]


def test_episode_fields_give_its_schedule(client, series_content):
    paris, athens, _ = get_items(
        client, f"{EPISODES}&locale=en&fields=start_time,schedule&order=number"
    )

    assert athens["start_time"] == "16:00:00"
    assert athens["schedule"] == {
        "time_zone": "Europe/Amsterdam",
        "time_to_be_announced": False,
        "starts_at": "2020-12-17T16:00:00+01:00",
        "ends_at": "2020-12-17T17:30:00+01:00",
        "state": "past",
    }
    assert paris["start_time"] is None
    assert paris["schedule"]["time_to_be_announced"] is True
    assert paris["schedule"]["starts_at"] is None


def test_episode_detail_speaks_the_episodes_language(client, series_content):
    athens = series_content.episodes_el["athens"]
    response = client.get(f"/api/v2/pages/{athens.pk}/")

    assert response.status_code == 200
    data = response.json()
    assert data["title"] == "Infected Cities: Αθήνα"
    assert data["summary"] == athens.summary
    assert data["city"] == {"name": "Αθήνα", "country": "Ελλάδα", "time_zone": "Europe/Amsterdam"}
    # No people index in this tree: the person has no page to link to.
    assert data["speakers"] == [
        {
            "name": "Ενδεικτικός παρουσιαστής",
            "profession": "",
            "bio": "",
            "website": "",
            "role": "Host",
            "is_sample": True,
            "html_url": None,
        }
    ]
    assert data["livestream_url"] == "https://stream.example.org/athens"
    assert data["links"] == {"calendar": "http://localhost/el/infected-cities/athens/calendar.ics"}


def test_series_fields_link_its_feeds_and_calendar(client, series_content):
    (series,) = get_items(client, f"{SERIES}&locale=el&fields=strap_line,links")

    assert series["strap_line"] == "Πολιτισμός και κοινωνικός αντίκτυπος"
    assert series["links"] == {
        "calendar": "http://localhost/el/infected-cities/calendar.ics",
        "rss_feed": "http://localhost/el/infected-cities/feed/rss/",
        "atom_feed": "http://localhost/el/infected-cities/feed/atom/",
    }
    assert client.get("/el/infected-cities/feed/rss/").status_code == 200


def test_all_fields_can_be_asked_for_at_once(client, series_content):
    assert get_items(client, f"{EPISODES}&fields=*")
    assert get_items(client, f"{SERIES}&fields=*")


def test_unknown_locale_is_a_clear_bad_request(client, series_content):
    response = client.get("/api/v2/pages/?locale=xx")

    assert response.status_code == 400
    assert response.json() == {"message": "locale 'xx' does not exist"}


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("endpoint", ["pages", "images"])
def test_api_is_read_only(client, series_content, method, endpoint):
    athens = series_content.episodes["athens"]
    listing = f"/api/v2/{endpoint}/"

    assert getattr(client, method)(listing, {}, content_type="application/json").status_code == 405
    if endpoint == "pages":
        detail = f"/api/v2/pages/{athens.pk}/"
        response = getattr(client, method)(detail, {}, content_type="application/json")
        assert response.status_code == 405
    assert client.get(f"/api/v2/pages/{athens.pk}/").json()["title"] == athens.title


def test_images_endpoint_answers(client):
    response = client.get("/api/v2/images/")

    assert response.status_code == 200
    assert "items" in response.json()


def test_a_page_made_private_leaves_the_listing_at_once(client, series_content):
    athens = series_content.episodes["athens"]
    listing = f"{EPISODES}&locale=en"
    assert athens.pk in {item["id"] for item in get_items(client, listing)}

    PageViewRestriction.objects.create(
        page=athens, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )

    assert athens.pk not in {item["id"] for item in get_items(client, listing)}
    assert client.get(f"/api/v2/pages/{athens.pk}/").status_code == 404
