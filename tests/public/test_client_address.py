"""Who a client is (public/guard/clients.py): an address nobody can forge."""

import pytest
from django.test import RequestFactory

from public.guard.clients import client_address, pseudonymous_client

FORGED = "203.0.113.99"


def request(remote: str | None = "192.0.2.10", forwarded: str | None = None):
    meta = {}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    made = RequestFactory().post("/", **meta)
    if remote is None:
        del made.META["REMOTE_ADDR"]
    else:
        made.META["REMOTE_ADDR"] = remote
    return made


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_address(request(forwarded=FORGED)) == "192.0.2.10"
    assert client_address(request(forwarded=f"{FORGED}, 198.51.100.1")) == "192.0.2.10"


def test_one_trusted_proxy_vouches_for_the_right_most_address(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    # The client wrote the first entry itself; our proxy appended the one it saw.
    assert client_address(request(forwarded=f"{FORGED}, 198.51.100.1")) == "198.51.100.1"
    assert client_address(request(forwarded="198.51.100.1")) == "198.51.100.1"


def test_two_trusted_proxies_vouch_for_the_second_address_from_the_right(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    chain = f"{FORGED}, 198.51.100.1, 10.0.0.2"
    assert client_address(request(forwarded=chain)) == "198.51.100.1"


@pytest.mark.parametrize("forwarded", [None, "", "198.51.100.1", "not-an-address, 10.0.0.2"])
def test_a_header_that_did_not_pass_every_trusted_proxy_counts_as_the_proxy(settings, forwarded):
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_address(request(forwarded=forwarded)) == "192.0.2.10"


def test_ipv6_addresses_are_addresses(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_address(request(forwarded="2001:db8::1")) == "2001:db8::1"


def test_a_request_without_an_address_still_has_a_client(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_address(request(remote=None)) == "unknown"


def test_the_rate_limit_key_does_not_hold_the_address():
    key = pseudonymous_client("203.0.113.7")
    assert "203.0.113.7" not in key
    assert key == pseudonymous_client("203.0.113.7")
    assert key != pseudonymous_client("203.0.113.8")
