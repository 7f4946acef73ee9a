"""Who a client is (public/guard/clients.py): an address nobody can forge."""

import pytest
from axes.helpers import get_client_ip_address
from django.test import RequestFactory

from public.guard.clients import client_address, pseudonymous_client

FORGED = "203.0.113.99"
# The balancer every request below comes through, unless it names another peer.
BALANCER = "192.0.2.10"


@pytest.fixture(autouse=True)
def balancer_is_trusted(settings):
    settings.TRUSTED_PROXIES = [BALANCER, "10.0.0.0/8"]


def request(remote: str | None = BALANCER, forwarded: str | None = None):
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
    assert client_address(request(forwarded=FORGED)) == BALANCER
    assert client_address(request(forwarded=f"{FORGED}, 198.51.100.1")) == BALANCER


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
    assert client_address(request(forwarded=forwarded)) == BALANCER


def test_the_header_counts_only_from_a_listed_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    chain = f"{FORGED}, 198.51.100.1"
    assert client_address(request(remote=BALANCER, forwarded=chain)) == "198.51.100.1"
    assert client_address(request(remote="10.20.30.40", forwarded=chain)) == "198.51.100.1"
    # A client that reaches the app server past the balancer chooses nothing.
    assert client_address(request(remote="198.51.100.77", forwarded=chain)) == "198.51.100.77"
    settings.TRUSTED_PROXIES = []
    assert client_address(request(remote=BALANCER, forwarded=chain)) == BALANCER


def test_the_proxies_between_must_be_listed_too(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_address(request(forwarded="198.51.100.1, 10.0.0.2")) == "198.51.100.1"
    # The inner hop is no proxy of ours: the client wrote both entries.
    assert client_address(request(forwarded=f"{FORGED}, 198.51.100.5")) == BALANCER


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


def test_the_login_lockout_knows_a_client_by_the_same_rule(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert get_client_ip_address(request(forwarded=FORGED)) == BALANCER
    settings.TRUSTED_PROXY_COUNT = 1
    assert get_client_ip_address(request(forwarded=f"{FORGED}, 198.51.100.1")) == "198.51.100.1"
    assert get_client_ip_address(request(remote="198.51.100.77", forwarded=FORGED)) == (
        "198.51.100.77"
    )
    assert get_client_ip_address(request(remote=None)) is None
