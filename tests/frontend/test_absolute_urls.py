"""Absolute addresses come from the configured site, never from the host and port a request names.

``ALLOWED_HOSTS`` limits the host names a request may use, but not the port:
``Host: localhost:6666`` reaches the app. Every absolute address in an API
answer, a calendar feed or a page must still start at the Site configured for
that host name (here Wagtail's ``localhost``, port 80), or at
``WAGTAILADMIN_BASE_URL`` where no Site names the host.
"""

import re

import pytest
from icalendar import Calendar
from wagtail.models import Site

from cms.models import HomePage
from cms.site_address import site_root_url

pytestmark = pytest.mark.django_db

PORT_HOST = {"HTTP_HOST": "localhost:6666"}
# The port as a link shows it, plain or inside a share link's query.
REQUESTED_PORT = re.compile(r"localhost(?::|%3A)6666", re.IGNORECASE)


def _assert_on_configured_site(text: str) -> None:
    assert re.search(r"(?:https?|webcal)://localhost/", text), "expected the site's own addresses"
    assert not REQUESTED_PORT.search(text), REQUESTED_PORT.findall(text)


def test_api_index_and_pagination_links_ignore_the_requested_port(client, content):
    index = client.get("/api/v1/", **PORT_HOST)
    assert index.status_code == 200
    assert index.json()["schema"] == "http://localhost/api/v1/schema"
    _assert_on_configured_site(index.content.decode())

    first = client.get("/api/v1/activities?page_size=1", **PORT_HOST).json()
    assert first["next"].startswith("http://localhost/api/v1/activities?")
    second = client.get(first["next"].removeprefix("http://localhost"), **PORT_HOST).json()
    assert second["previous"].startswith("http://localhost/api/v1/activities?")


def test_the_calendar_feeds_ignore_the_requested_port(client, content):
    feed = client.get("/api/v1/activities.ics?lang=pl", **PORT_HOST)
    assert feed.status_code == 200
    urls = [str(event["URL"]) for event in Calendar.from_ical(feed.content).walk("VEVENT")]
    assert urls and all(url.startswith("http://localhost/pl/activiteiten/") for url in urls)

    one = client.get("/pl/activiteiten/gemengd-voetbal.ics", **PORT_HOST)
    assert one.status_code == 200, one.status_code
    (event,) = Calendar.from_ical(one.content).walk("VEVENT")
    assert str(event["URL"]) == "http://localhost/pl/activiteiten/gemengd-voetbal/"


@pytest.mark.parametrize(
    "path", ["/pl/activiteiten/", "/pl/activiteiten/gemengd-voetbal/", "/pl/wegwijzers/"]
)
def test_pages_name_no_requested_port(client, content, path):
    response = client.get(path, **PORT_HOST)
    assert response.status_code == 200
    html = response.content.decode()
    _assert_on_configured_site(html)
    assert '<link rel="canonical" href="http://localhost' in html


def test_a_host_no_site_names_gets_the_configured_base_url(client, content, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "internal.example"]
    settings.WAGTAILADMIN_BASE_URL = "https://wegwijs.example.nl"
    response = client.get("/api/v1/", HTTP_HOST="internal.example:6666")
    assert response.json()["docs"] == "https://wegwijs.example.nl/api/v1/docs"


def test_each_municipality_site_links_to_itself_with_its_configured_scheme(rf, content, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "buren.example.nl"]
    Site.objects.create(
        hostname="buren.example.nl", port=443, root_page=HomePage.objects.get(), site_name="Buren"
    )
    request = rf.get("/api/v1/", HTTP_HOST="buren.example.nl:8443")
    assert site_root_url(request) == "https://buren.example.nl"
    assert site_root_url(rf.get("/", HTTP_HOST="localhost:6666")) == "http://localhost"
    assert site_root_url(None) == settings.WAGTAILADMIN_BASE_URL.rstrip("/")
