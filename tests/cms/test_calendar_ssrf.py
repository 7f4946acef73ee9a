"""A feed address must not become a way into the server's own network (SSRF).

With DEBUG off (production), an address that resolves to loopback, a private
network, link-local (the cloud metadata service) or similar is refused before
any connection, also when a public address redirects there. With DEBUG on, a
local feed may be used (development, the other calendar tests).
"""

from __future__ import annotations

import pytest
from django.test import override_settings

from cms.calendars import fetching
from cms.calendars.fetching import (
    FeedUnavailable,
    fetch_feed,
    is_public_address,
    normalise_feed_url,
)
from tests.cms.feed_server import FeedServer

OUTLOOK = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"


@pytest.fixture
def server():
    running = FeedServer()
    yield running
    running.close()


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.9",
        "192.168.1.1",
        "169.254.169.254",
        "0.0.0.0",
        "::1",
        "fe80::1",
        "fd00::1",
        "::ffff:127.0.0.1",
        "100.64.0.1",
        "224.0.0.1",
    ],
)
def test_local_and_private_addresses_are_not_public(address):
    assert not is_public_address(address)


@pytest.mark.parametrize("address", ["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"])
def test_internet_addresses_are_public(address):
    assert is_public_address(address)


@override_settings(DEBUG=False)
@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:{port}/agenda.ics",
        "http://localhost:{port}/agenda.ics",
        "webcal://127.0.0.1:{port}/agenda.ics",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]:{port}/agenda.ics",
    ],
)
def test_with_debug_off_a_local_feed_is_refused(server, url):
    server.serve("/agenda.ics", OUTLOOK)
    port = server.httpd.server_address[1]
    with pytest.raises(FeedUnavailable, match="private or local network"):
        fetch_feed(url.format(port=port))


@override_settings(DEBUG=False)
def test_with_debug_off_a_redirect_into_the_local_network_is_refused(server, monkeypatch):
    """127.0.0.1 stands in for a public server here; it redirects to the metadata service."""
    monkeypatch.setattr(fetching, "is_public_address", lambda address: address == "127.0.0.1")
    server.serve("/agenda.ics", OUTLOOK)
    public = server.redirect("/moved.ics", server.base + "/agenda.ics")
    assert fetch_feed(public) == OUTLOOK  # a redirect to a public address is followed
    server.redirect("/evil.ics", "http://169.254.169.254/latest/meta-data/")
    with pytest.raises(FeedUnavailable, match=r"169\.254\.169\.254"):
        fetch_feed(server.base + "/evil.ics")


@override_settings(DEBUG=True)
def test_with_debug_on_a_local_feed_may_be_used(server):
    assert fetch_feed(server.serve("/agenda.ics", OUTLOOK)) == OUTLOOK


def test_webcal_means_https():
    assert normalise_feed_url(" webcal://club.example/a.ics") == "https://club.example/a.ics"


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/a.ics", "gopher://x/"])
def test_only_web_addresses_are_fetched(url):
    with pytest.raises(FeedUnavailable, match="not a web address"):
        fetch_feed(url)
