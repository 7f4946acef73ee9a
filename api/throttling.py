"""Rate limits for the public, anonymous POST endpoints (survey answers, questions).

A client is known by its address, which is personal data: the cache key holds
only a keyed hash of it (HMAC with SECRET_KEY), and the entry expires with the
rate's window. The counts live in the shared cache (the database by default),
so several app servers behind a load balancer count together.
"""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings
from rest_framework.throttling import ScopedRateThrottle


def pseudonymous_client(address: str) -> str:
    """A stable, unguessable stand-in for a client address."""
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, address.encode(), hashlib.sha256).hexdigest()[:32]


class PublicPostThrottle(ScopedRateThrottle):
    """Per-client limit for one ``throttle_scope`` (rates in ``PUBLIC_POST_RATES``).

    Only POST counts: reading a survey is not limited here.
    """

    def allow_request(self, request, view) -> bool:
        if request.method != "POST":
            return True
        return super().allow_request(request, view)

    def get_rate(self) -> str | None:
        return settings.PUBLIC_POST_RATES.get(self.scope)

    def get_ident(self, request) -> str:
        # A server without REMOTE_ADDR (some WSGI test clients, odd proxies) must
        # still count: such clients share one bucket instead of crashing the view.
        return pseudonymous_client(super().get_ident(request) or "unknown")
