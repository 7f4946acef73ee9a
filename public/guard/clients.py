"""Who is sending: a client address nobody can forge, and its keyed-hash pseudonym.

``X-Forwarded-For`` is written by whoever sends the request, so on its own it
identifies nobody: a script that writes a new made-up address into every
request would otherwise get a new rate-limit bucket each time. Only the
reverse proxies we run may vouch for an address (``TRUSTED_PROXY_COUNT``): each
appends the address it saw, so the Nth entry from the right is the one the
outermost trusted proxy saw. With 0 trusted proxies the header is ignored.

How many proxies is not enough: a client that reaches an app server directly
(past the balancer, or on an address it should not have) would be believed
too. So the request must also come straight from one of ``TRUSTED_PROXIES``,
and the proxies between the outermost and us must be among them as well.

django-ipware reads the same header but picks the left-most address by
default, which is the one a client writes itself; the rule here is the few
lines below, where it can be read.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest

# A server without REMOTE_ADDR (some WSGI test clients, odd proxies) must still
# count: such clients share one bucket instead of crashing the view.
UNKNOWN_CLIENT = "unknown"


def _is_address(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


@lru_cache(maxsize=8)
def _networks(entries: tuple[str, ...]) -> tuple:
    # Parsed once per setting, not on every request (the settings checked them at start).
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in entries)


def is_trusted_proxy(address: str) -> bool:
    """Is ``address`` one of ``TRUSTED_PROXIES`` (an address or in a network listed there)?"""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    if ip.version == 6 and ip.ipv4_mapped:  # a dual-stack server's view of an IPv4 peer
        ip = ip.ipv4_mapped
    return any(ip in network for network in _networks(tuple(settings.TRUSTED_PROXIES)))


def from_trusted_proxy(request: HttpRequest) -> bool:
    """Does the request come straight from a proxy of ours, whose X-Forwarded-* we believe?"""
    return settings.TRUSTED_PROXY_COUNT > 0 and is_trusted_proxy(
        request.META.get("REMOTE_ADDR", "")
    )


def client_address(request: HttpRequest) -> str:
    """``REMOTE_ADDR``, or the address the outermost of ``TRUSTED_PROXY_COUNT`` proxies saw.

    A header with fewer entries than trusted proxies, or with something other
    than an IP address where the client's address should be, did not come
    through all of them: then ``REMOTE_ADDR`` counts (one shared bucket for
    such requests, rather than one a client could choose). So it does when the
    request, or a hop between, is not one of ``TRUSTED_PROXIES``.
    """
    remote = request.META.get("REMOTE_ADDR") or UNKNOWN_CLIENT
    trusted = settings.TRUSTED_PROXY_COUNT
    if not from_trusted_proxy(request):
        return remote
    forwarded = [
        part.strip()
        for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if part.strip()
    ]
    if len(forwarded) < trusted:
        return remote
    candidate = forwarded[-trusted]
    # Right of the client's entry: what our inner proxies saw, i.e. our outer proxies.
    hops = forwarded[len(forwarded) - trusted + 1 :]
    if not (_is_address(candidate) and all(is_trusted_proxy(hop) for hop in hops)):
        return remote
    return candidate


def client_ip(request: HttpRequest) -> str | None:
    """``client_address`` for the login lockout (django-axes' ``AXES_CLIENT_IP_CALLABLE``).

    The same rule, so one setting (``TRUSTED_PROXY_COUNT``) serves both; None
    when the server gave no address, as axes stores addresses in an IP column.
    """
    address = client_address(request)
    return None if address == UNKNOWN_CLIENT else address


def pseudonymous_client(address: str) -> str:
    """A stable, unguessable stand-in for a client address (HMAC with SECRET_KEY).

    The address is personal data: only this pseudonym is ever stored, and only
    for as long as a rate-limit window lasts.
    """
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, address.encode(), hashlib.sha256).hexdigest()[:32]
