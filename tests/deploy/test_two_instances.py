"""Two app instances behind nginx share one PostgreSQL and one Redis: no state lives in an
instance, a publish seen by one is seen by all, a login on one works on the other, and
failed sign-ins counted by one lock out on both."""

import http.cookiejar
import os
import re
import shutil
import urllib.error
import urllib.parse
import urllib.request

import pytest

from tests.deploy.cluster import Cluster

DATABASE_URL = os.environ.get("DATABASE_URL", "")

pytestmark = [
    pytest.mark.skipif(
        not DATABASE_URL.startswith(("postgres://", "postgresql://")) or not shutil.which("nginx"),
        reason="two-instance test needs DATABASE_URL on PostgreSQL and nginx installed",
    ),
]

PUBLISH_ABOUT = """
from home.models import HomePage, StandardPage
home = HomePage.objects.get(locale__language_code="en")
page = StandardPage.objects.filter(slug="about").first()
if page is None:
    page = StandardPage(title="About", slug="about")
    home.add_child(instance=page)
page.title = "{title}"
page.save_revision().publish()
"""


@pytest.fixture(scope="module")
def cluster():
    cluster = Cluster(DATABASE_URL)
    try:
        cluster.start()
        cluster.manage("shell", "-c", PUBLISH_ABOUT.format(title="About City Makers"))
        yield cluster
    finally:
        cluster.stop()


def get(url, opener=None):
    with (opener or urllib.request.build_opener()).open(url, timeout=10) as response:
        return response.status, dict(response.headers), response.read().decode()


def test_nginx_spreads_requests_over_both_instances(cluster):
    upstreams = {get(f"{cluster.url}/healthz")[1]["X-Upstream"] for _ in range(6)}

    assert upstreams == {f"127.0.0.1:{port}" for port in cluster.app_ports}


def test_a_publish_through_one_instance_is_seen_by_both_at_once(cluster):
    for index in (0, 1):
        assert "About City Makers" in get(f"{cluster.app_url(index)}/en/about/")[2]
    _, headers, _ = get(f"{cluster.app_url(1)}/en/about/")
    assert headers.get("X-Page-Cache") == "hit"  # the page cache lives in the shared Redis

    cluster.manage("shell", "-c", PUBLISH_ABOUT.format(title="About us, renewed"))

    for index in (0, 1):
        assert "About us, renewed" in get(f"{cluster.app_url(index)}/en/about/")[2]


def test_a_login_on_one_instance_is_valid_on_the_other(cluster):
    cluster.manage(
        "shell",
        "-c",
        "from django.contrib.auth.models import User; "
        "User.objects.filter(username='ed').exists() or "
        "User.objects.create_superuser('ed', 'ed@example.org', 'pass-for-cluster-test')",
    )
    opener = browser()
    sign_in(cluster.app_url(0), opener, "ed", "pass-for-cluster-test")

    status, _, text = get(f"{cluster.app_url(1)}/admin/", opener)

    assert status == 200 and "Dashboard" in text


def test_failed_sign_ins_on_either_instance_lock_out_on_both(cluster):
    cluster.manage(
        "shell",
        "-c",
        "from django.contrib.auth.models import User; "
        "User.objects.create_superuser('locked', 'locked@example.org', 'right-password')",
    )
    for number in range(5):  # through nginx, spread over both; a forged header changes nothing
        forged = {"X-Forwarded-For": f"192.0.2.{number}"}
        sign_in(cluster.url, browser(), "locked", "wrong-password", forged)

    statuses = {sign_in(cluster.url, browser(), "locked", "right-password") for _ in range(4)}

    assert statuses == {429}


SET_HOME_HERO = """
from home.models import HomePage
from home.demo.images import demo_image
home = HomePage.objects.get(locale__language_code="en")
home.hero_image, _ = demo_image("Cluster hero", (30, 90, 60), size=(640, 360))
home.save_revision().publish()
"""


def test_nginx_serves_a_rendered_page_s_renditions_from_the_shared_media(cluster):
    cluster.manage("shell", "-c", SET_HOME_HERO)
    _, _, html = get(f"{cluster.url}/en/")
    renditions = set(re.findall(r"/media/images/[^\"\s,]+", html))
    assert renditions, "the home page shows no rendition"

    for url in renditions:
        status, headers, body = fetch(f"{cluster.url}{url}")
        assert status == 200
        assert headers["Content-Type"] in ("image/webp", "image/jpeg")
        assert "X-Upstream" not in headers  # nginx answered, not an app instance
        assert "max-age=31536000" in headers["Cache-Control"]
        assert body == (cluster.tmp / url.removeprefix("/")).read_bytes()


def test_nginx_serves_no_other_media_folder(cluster):
    documents = cluster.tmp / "media" / "documents"
    documents.mkdir(parents=True, exist_ok=True)
    (documents / "private.pdf").write_bytes(b"%PDF private")

    with pytest.raises(urllib.error.HTTPError) as refused:
        fetch(f"{cluster.url}/media/documents/private.pdf")

    assert refused.value.code == 404


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, dict(response.headers), response.read()


def browser():
    return urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )


def sign_in(base_url, opener, username, password, headers=None):
    """The admin's sign-in form with its CSRF token; returns the final status."""
    login = f"{base_url}/admin/login/"
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', get(login, opener)[2])[1]
    form = {"username": username, "password": password, "csrfmiddlewaretoken": token}
    request = urllib.request.Request(
        login,
        data=urllib.parse.urlencode(form).encode(),
        headers={"Referer": login, **(headers or {})},
    )
    try:
        with opener.open(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
