"""Who is logging in: the visitor's address behind ``TRUSTED_PROXY_COUNT`` reverse proxies.

The login lockout (django-axes) counts failures per username and address. Behind
a load balancer ``REMOTE_ADDR`` is the balancer, so one person could lock a
username for everyone; trusting any ``X-Forwarded-For`` instead would let a
person dodge the lockout by writing a new address into every request.

django-axes would ask django-ipware for this, but that package is not
installed (axes then falls back to ``REMOTE_ADDR``, and its
``AXES_IPWARE_*`` settings do nothing); this one rule, read from the one
setting the anonymous forms' rate limits also use, is what
``AXES_CLIENT_IP_CALLABLE`` names instead.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str | None:
    """``REMOTE_ADDR``, or with N trusted proxies the Nth address from the right of X-Forwarded-For.

    Each trusted proxy appends the address it received the request from, so
    the addresses to the left of those N were written by the client and are
    not believed. Too few addresses: the request did not pass all the proxies,
    so the nearest one is the best we know.
    """
    trusted = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    remote = request.META.get("REMOTE_ADDR")
    if trusted <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if not forwarded:
        return remote
    return forwarded[-trusted] if len(forwarded) >= trusted else forwarded[0]
