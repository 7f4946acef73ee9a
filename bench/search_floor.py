"""The floor under "search API ≤ 1.2× the engine": a bare proxy's ratio on this machine.

``bench.search_overhead`` compares the search API with the engine. At 1 000
activities the engine answers in 13-15 ms, so 1.2× leaves the app 2.6-3 ms for
its HTTP hop, Django, the parameters, reading the hits and writing its answer.
This measures what the hop alone costs: ``bench.search_proxy`` in the same
gunicorn, forwarding the first engine request of each of the same queries and
writing its answer back, against that request sent to the engine directly.
In session 24's runs it was 1.07-1.13× (bench/results/notes.md), the same
whether the engine and the app shared both cores or each had its own: a third
to two thirds of the API's 0.2 goes to the hop before any of its own work.
"""

from __future__ import annotations

import json
import statistics
import tempfile
import urllib.request
from dataclasses import dataclass

from django.conf import settings

from public.search import parse_search_request

from .queries import QUERIES
from .search_overhead import _engine_request, _timed
from .server import Gunicorn


@dataclass
class SearchFloor:
    queries: int
    proxy_p50_ms: float
    engine_p50_ms: float


def measure(rounds: int) -> SearchFloor:
    """``rounds`` passes; the proxy and the engine each go first in every other one."""
    engine = settings.ELASTICSEARCH_URL.split(",")[0].rstrip("/")
    # The first engine request the API sends for each query, as bench.search_overhead times it.
    to_engine = [
        _engine_request(engine, parse_search_request({"q": q, **extra}, lang))
        for lang, q, extra in QUERIES
    ]
    with tempfile.NamedTemporaryFile("w", suffix=".json") as listed:
        json.dump([(request.full_url, request.data.decode()) for request in to_engine], listed)
        listed.flush()
        proxy = Gunicorn(
            app="bench.search_proxy:application",
            ready_path="/ready",
            env={"BENCH_PROXY_REQUESTS": listed.name},
        )
        try:
            pairs = [
                (urllib.request.Request(f"{proxy.base}/?i={number}"), direct_request)
                for number, direct_request in enumerate(to_engine)
            ]
            for through_proxy, _ in pairs[:5]:  # the workers' connections to the engine
                _timed(through_proxy)
            proxied, direct = [], []
            for round_number in range(rounds):
                for through_proxy, direct_request in pairs:
                    if round_number % 2:
                        direct.append(_timed(direct_request)[0])
                        proxied.append(_timed(through_proxy)[0])
                    else:
                        proxied.append(_timed(through_proxy)[0])
                        direct.append(_timed(direct_request)[0])
        finally:
            proxy.stop()
    return SearchFloor(
        queries=len(to_engine),
        proxy_p50_ms=statistics.median(proxied),
        engine_p50_ms=statistics.median(direct),
    )
