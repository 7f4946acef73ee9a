"""Rate limits for the anonymous submissions (survey answers, questions), per client.

A client is its ``client_address`` (which nobody can forge), stored only as
its keyed-hash pseudonym; the entry expires with the rate's window. The counts
live in the shared cache (the database by default), so several app servers
behind a load balancer count together, and the API and the site count together
for one kind of submission.

The window slides: a client may send ``count`` submissions in any ``period``
seconds, and a refusal says how long until the oldest one leaves the window
(``Retry-After``). Every attempt within the limit counts, also one that a later
check refuses (a bad form token, an invalid answer).
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

from .clients import pseudonymous_client

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass(frozen=True)
class Rate:
    count: int
    period: int  # seconds

    @classmethod
    def parse(cls, text: str) -> Rate:
        """``5/hour``, ``10/minute``, ``3/s``: only the period's first letter counts."""
        count, period = text.split("/")
        return cls(int(count), PERIODS[period.strip()[0].lower()])


def rate_for(scope: str) -> Rate | None:
    """The rate of ``scope`` in ``PUBLIC_POST_RATES``; None means unlimited."""
    text = settings.PUBLIC_POST_RATES.get(scope)
    return Rate.parse(text) if text else None


def _key(scope: str, address: str) -> str:
    return f"wegwijs:rate:{scope}:{pseudonymous_client(address)}"


def seconds_to_wait(scope: str, address: str, now: float | None = None) -> int | None:
    """Count one attempt of ``address`` in ``scope``; None if allowed, else seconds to wait.

    One cache read and one write per attempt; a refused attempt is not added
    (the client already waits for the oldest one).
    """
    rate = rate_for(scope)
    if rate is None:
        return None
    now = time.time() if now is None else now
    key = _key(scope, address)
    history = [moment for moment in cache.get(key, []) if moment > now - rate.period]
    if len(history) >= rate.count:
        return max(1, math.ceil(history[-1] + rate.period - now))
    cache.set(key, [now, *history], rate.period)
    return None
