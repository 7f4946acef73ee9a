"""The search API's time against the engine's time for the very query the API sends."""

from __future__ import annotations

import json
import statistics
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass

from django.conf import settings

from public.search import parse_search_request
from search.query import build_search

from .queries import QUERIES

WARM_UP = 5


@dataclass
class SearchTimes:
    queries: int
    api_p50_ms: float
    api_p99_ms: float
    engine_p50_ms: float
    engine_p99_ms: float
    engine_took_p50_ms: float


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _engine_body(lang: str, q: str, extra: dict[str, str]) -> tuple[str, dict]:
    """The index and body ``search.engine`` sends for this API request."""
    search = build_search(parse_search_request({"q": q, **extra}, lang))
    return ",".join(search._index), search.to_dict()


def _timed(request: urllib.request.Request) -> tuple[float, dict]:
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=30) as answer:
        body = answer.read()
    return (time.perf_counter() - started) * 1000, json.loads(body)


def measure(base_url: str, rounds: int) -> SearchTimes:
    engine = settings.ELASTICSEARCH_URL.split(",")[0].rstrip("/")
    api_ms, engine_ms, took = [], [], []
    prepared = []
    for lang, q, extra in QUERIES:
        index, body = _engine_body(lang, q, extra)
        query = urllib.parse.urlencode({"q": q, "lang": lang, **extra})
        prepared.append(
            (
                urllib.request.Request(f"{base_url}/api/v1/search?{query}"),
                urllib.request.Request(
                    f"{engine}/{index}/_search",
                    data=json.dumps(body).encode(),
                    headers={"Content-Type": "application/json"},
                ),
            )
        )
    for api, raw in prepared[:WARM_UP]:  # warm both up: connections, the engine's caches
        _timed(api)
        _timed(raw)
    for _ in range(rounds):
        for api, raw in prepared:
            elapsed, answer = _timed(api)
            assert answer["backend"] == "elasticsearch", "the API fell back to the database"
            api_ms.append(elapsed)
            elapsed, answer = _timed(raw)
            engine_ms.append(elapsed)
            took.append(float(answer["took"]))
    return SearchTimes(
        queries=len(prepared),
        api_p50_ms=statistics.median(api_ms),
        api_p99_ms=percentile(api_ms, 0.99),
        engine_p50_ms=statistics.median(engine_ms),
        engine_p99_ms=percentile(engine_ms, 0.99),
        engine_took_p50_ms=statistics.median(took),
    )
