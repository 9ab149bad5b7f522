"""Every absolute address the site gives out follows SITE_URL (the Wagtail Site that
`configure_site` sets), whatever host the request came in on."""

import io
import re
from urllib.parse import urlsplit

import pytest
from django.core.management import CommandError, call_command
from wagtail.images.models import Image
from wagtail.models import Site

from livecasts.models import EpisodePage, OrganisationPage, SeriesPage
from livecasts.video import parse_video_url

pytestmark = pytest.mark.django_db

PRODUCTION = "https://citymakers.example.org"
# The production host, and an internal one a load balancer or health check might use.
REQUEST_HOSTS = ["citymakers.example.org", "app-1.internal:8000"]
# Namespaces and vocabularies named in the documents themselves, not links to us.
STANDARDS = {
    "www.sitemaps.org",
    "www.w3.org",
    "schema.org",
    # The feeds' extension namespaces: Podcasting 2.0, iTunes, Media RSS.
    "podcastindex.org",
    "www.itunes.com",
    "search.yahoo.com",
}
ABSOLUTE = re.compile(r"""(?:https?|webcal)://[^\s"'<>\\]+""")

PAGES = [
    "/en/",
    "/el/",
    "/en/infected-cities/",
    "/en/infected-cities/athens/",
    "/fr/infected-cities/paris/",
    "/en/organisations/",
    "/el/organisations/dutchculture/",
    "/en/about/",
]
FEEDS_AND_CALENDARS = [
    "/sitemap.xml",
    "/sitemap-el.xml",
    "/robots.txt",
    "/en/infected-cities/feed/rss/",
    "/el/infected-cities/feed/atom/",
    "/en/infected-cities/calendar.ics",
    "/pl/infected-cities/warsaw/calendar.ics",
    "/el/infected-cities/paris/chapters.json",
]


def configure(url):
    out = io.StringIO()
    call_command("configure_site", url=url, stdout=out)
    return out.getvalue()


def api_addresses():
    episode = EpisodePage.objects.live().get(locale__language_code="el", slug="athens")
    series = SeriesPage.objects.live().get(locale__language_code="es")
    image = Image.objects.order_by("pk").first()
    return [
        "/api/v2/pages/?type=livecasts.EpisodePage&fields=*",
        "/api/v2/pages/?type=livecasts.SeriesPage&locale=fr&fields=*",
        "/api/v2/pages/?type=livecasts.OrganisationPage&fields=*",
        f"/api/v2/pages/{episode.pk}/",
        f"/api/v2/pages/{series.pk}/",
        "/api/v2/images/?fields=*",
        f"/api/v2/images/{image.pk}/",
    ]


def third_party_hosts():
    """Hosts of addresses that editors typed (websites, streams, recordings), and of the players
    the site embeds for the recordings and streams."""
    typed = [page.website for page in OrganisationPage.objects.all()]
    for episode in EpisodePage.objects.all():
        typed += [episode.livestream_url, episode.recording_url]
    videos = [parse_video_url(address) for address in typed if address]
    players = [video.player_url for video in videos if video]
    return {urlsplit(address).hostname for address in typed + players if address}


def absolute_addresses(response):
    # .ics folds long lines (RFC 5545): a line break followed by one space continues the line.
    text = response.content.decode().replace("\r\n ", "").replace("\n ", "")
    return ABSOLUTE.findall(text)


@pytest.fixture
def production_site(demo):
    configure(PRODUCTION)


@pytest.mark.parametrize("host", REQUEST_HOSTS)
def test_every_absolute_address_is_on_the_configured_site(client, production_site, host):
    allowed_elsewhere = STANDARDS | third_party_hosts()
    ours = []
    for path in PAGES + FEEDS_AND_CALENDARS + api_addresses():
        response = client.get(path, HTTP_HOST=host)
        assert response.status_code == 200, path
        found = absolute_addresses(response)
        assert found, f"{path} gives no absolute address at all"
        for address in found:
            if urlsplit(address).hostname in allowed_elsewhere:
                continue
            assert address.startswith(f"{PRODUCTION}/") or address.startswith(
                "webcal://citymakers.example.org/"
            ), f"{path} links to {address}"
            ours.append(address)
    text = " ".join(ours)
    for stray in ("localhost", "testserver", "127.0.0.1", "app-1.internal", "http://citymakers"):
        assert stray not in text
    # Each kind of address was seen, so the loop above had something to check.
    for needle in (
        "/sitemap.xml",
        "/sitemap-el.xml",
        "/en/infected-cities/feed/rss/",
        "/pl/infected-cities/warsaw/calendar.ics",
        "/el/organisations/dutchculture/",
        "/media/images/",
        "/api/v2/pages/",
        "/api/v2/images/",
        "webcal://citymakers.example.org/en/infected-cities/calendar.ics",
        "/en/infected-cities/paris/chapters.json",  # the RSS feed's podcast:chapters
        "/el/people/",  # a chapter's speaker in the chapters file
    ):
        assert needle in text, needle


def test_page_metadata_names_the_configured_site(client, production_site):
    text = client.get("/el/infected-cities/athens/", HTTP_HOST="app-1.internal:8000").text

    canonical = f"{PRODUCTION}/el/infected-cities/athens/"
    assert f'<link rel="canonical" href="{canonical}">' in text
    assert f'<meta property="og:url" content="{canonical}">' in text
    assert re.search(rf'og:image" content="{PRODUCTION}/media/images/[^"]+\.jpg"', text)
    alternates = dict(re.findall(r'hreflang="([^"]+)" href="([^"]+)"', text))
    assert alternates["x-default"] == f"{PRODUCTION}/en/infected-cities/athens/"
    assert alternates["pl"] == f"{PRODUCTION}/pl/infected-cities/athens/"
    assert f'"url": "{canonical}"' in text  # the JSON-LD event


def test_robots_and_api_links_follow_the_site(client, production_site):
    robots = client.get("/robots.txt", HTTP_HOST="app-1.internal:8000").text
    assert f"Sitemap: {PRODUCTION}/sitemap.xml" in robots.splitlines()

    series = SeriesPage.objects.live().get(locale__language_code="el")
    data = client.get(f"/api/v2/pages/{series.pk}/", HTTP_HOST="app-1.internal:8000").json()
    assert data["meta"]["html_url"] == f"{PRODUCTION}/el/infected-cities/"
    assert data["links"]["atom_feed"] == f"{PRODUCTION}/el/infected-cities/feed/atom/"
    assert data["hero_image_thumbnail"]["full_url"].startswith(f"{PRODUCTION}/media/images/")


def test_configure_site_sets_hostname_and_port_and_is_idempotent(db):
    assert "now at https://citymakers.example.org" in configure(PRODUCTION)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == ("citymakers.example.org", 443, PRODUCTION)

    assert "already at https://citymakers.example.org" in configure(PRODUCTION + "/")
    assert Site.objects.count() == 1

    configure("http://127.0.0.1:8000")
    site.refresh_from_db()
    assert (site.hostname, site.port, site.root_url) == ("127.0.0.1", 8000, "http://127.0.0.1:8000")


@pytest.mark.parametrize(
    "value",
    [
        "citymakers.example.org",
        "ftp://citymakers.example.org",
        "https://",
        "https://citymakers.example.org:notaport",
        "https://citymakers.example.org:8443",
        "http://citymakers.example.org:443",
        "https://citymakers.example.org/en/",
    ],
)
def test_configure_site_refuses_a_malformed_address(db, value):
    with pytest.raises(CommandError, match="SITE_URL"):
        configure(value)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("localhost", 80)


def test_configure_site_needs_an_address(db, settings):
    settings.SITE_URL = ""
    with pytest.raises(CommandError, match="SITE_URL is not set"):
        call_command("configure_site", stdout=io.StringIO())


def test_a_new_address_empties_the_page_cache(client, demo, settings):
    settings.PAGE_CACHE_SECONDS = 300
    configure("http://old.example.org")
    first = client.get("/en/about/")
    assert 'href="http://old.example.org/en/about/"' in first.text
    assert client.get("/en/about/")["X-Page-Cache"] == "hit"

    configure(PRODUCTION)

    again = client.get("/en/about/")
    assert "X-Page-Cache" not in again
    assert f'<link rel="canonical" href="{PRODUCTION}/en/about/">' in again.text
    assert "old.example.org" not in again.text
