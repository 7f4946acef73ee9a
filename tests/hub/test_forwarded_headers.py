"""X-Forwarded-* count only from the proxies TRUSTED_PROXIES names (hub/forwarded_headers.py).

Through the whole middleware stack: Django's HTTPS redirect and host reading,
set up as production sets them behind a balancer, believe the headers from a
listed proxy and ignore them from any other peer.
"""

from __future__ import annotations

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from hub.forwarded_headers import FORWARDED_HEADERS, UntrustedForwardedHeadersMiddleware

PROXY = "10.0.0.5"
STRANGER = "198.51.100.77"
PATH = "/api/v1/languages"


@pytest.fixture
def behind_a_balancer(settings):
    """The production settings for TRUSTED_PROXY_COUNT=1, the balancer at 10.0.0.0/24."""
    settings.TRUSTED_PROXY_COUNT = 1
    settings.TRUSTED_PROXIES = ["10.0.0.0/24"]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.USE_X_FORWARDED_HOST = True
    settings.USE_X_FORWARDED_PORT = True
    settings.SECURE_SSL_REDIRECT = True
    settings.ALLOWED_HOSTS = ["testserver", "wegwijs.example.nl"]


def test_a_listed_proxy_says_the_request_came_over_https(client, db, behind_a_balancer):
    response = client.get(PATH, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 200


def test_another_peer_cannot_claim_https(client, db, behind_a_balancer):
    response = client.get(PATH, REMOTE_ADDR=STRANGER, HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 301
    assert response["Location"] == f"https://testserver{PATH}"


def test_only_a_listed_proxy_names_the_host(client, db, behind_a_balancer):
    forwarded_host = {"HTTP_X_FORWARDED_HOST": "wegwijs.example.nl"}
    from_proxy = client.get(PATH, REMOTE_ADDR=PROXY, **forwarded_host)
    from_stranger = client.get(PATH, REMOTE_ADDR=STRANGER, **forwarded_host)
    assert from_proxy["Location"] == f"https://wegwijs.example.nl{PATH}"
    assert from_stranger["Location"] == f"https://testserver{PATH}"


@pytest.mark.parametrize(("remote", "kept"), [(PROXY, True), (STRANGER, False)])
def test_every_forwarded_header_is_kept_or_dropped_together(behind_a_balancer, remote, kept):
    request = RequestFactory().get(
        PATH, REMOTE_ADDR=remote, **dict.fromkeys(FORWARDED_HEADERS, "x")
    )
    seen = {}
    UntrustedForwardedHeadersMiddleware(lambda r: seen.update(r.META) or HttpResponse())(request)
    assert all((name in seen) is kept for name in FORWARDED_HEADERS)


def test_without_trusted_proxies_nobody_is_believed(behind_a_balancer, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    request = RequestFactory().get(PATH, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_PROTO="https")
    UntrustedForwardedHeadersMiddleware(lambda r: HttpResponse())(request)
    assert "HTTP_X_FORWARDED_PROTO" not in request.META
