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
from search.query import build_search

from .queries import QUERIES
from .search_overhead import _timed
from .server import Gunicorn


@dataclass
class SearchFloor:
    queries: int
    proxy_p50_ms: float
    engine_p50_ms: float


def _engine_requests(engine: str) -> list[tuple[str, str]]:
    """(url, body) of the first engine request the API sends for each query."""
    searches = [
        build_search(parse_search_request({"q": q, **extra}, lang)) for lang, q, extra in QUERIES
    ]
    return [(f"{engine}/{s.index}/_search", json.dumps(s.body)) for s in searches]


def measure(rounds: int) -> SearchFloor:
    """``rounds`` passes; the proxy and the engine each go first in every other one."""
    engine = settings.ELASTICSEARCH_URL.split(",")[0].rstrip("/")
    requests = _engine_requests(engine)
    with tempfile.NamedTemporaryFile("w", suffix=".json") as listed:
        json.dump(requests, listed)
        listed.flush()
        proxy = Gunicorn(
            app="bench.search_proxy:application",
            ready_path="/ready",
            env={"BENCH_PROXY_REQUESTS": listed.name},
        )
        try:
            pairs = [
                (
                    urllib.request.Request(f"{proxy.base}/?i={number}"),
                    urllib.request.Request(
                        url, data=body.encode(), headers={"Content-Type": "application/json"}
                    ),
                )
                for number, (url, body) in enumerate(requests)
            ]
            for through_proxy, _ in pairs[:5]:  # the workers' connections to the engine
                _timed(through_proxy)
            proxied, direct = [], []
            for round_number in range(rounds):
                for through_proxy, to_engine in pairs:
                    if round_number % 2:
                        direct.append(_timed(to_engine)[0])
                        proxied.append(_timed(through_proxy)[0])
                    else:
                        proxied.append(_timed(through_proxy)[0])
                        direct.append(_timed(to_engine)[0])
        finally:
            proxy.stop()
    return SearchFloor(
        queries=len(requests),
        proxy_p50_ms=statistics.median(proxied),
        engine_p50_ms=statistics.median(direct),
    )
