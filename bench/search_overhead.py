"""The search API's time against the engine's time for the very queries the API sends.

A search is matched in the requested language's fallback chain, and again in
every language when that finds nothing (``search.engine.find``); hits shown in
a fallback language get their highlights from one more request
(``search.engine.fallback_highlights``); a search with few hits asks for a
spelling suggestion: the engine's side counts every request the API makes.

The engine is measured warm. Its JVM compiles the hot paths of a search (the
typo automata, the highlighter) only after some thousands of searches: over
the 55 queries on 1 077 documents, the median `took` of the first pass was
36 ms, of the fifth 17, of the thirtieth 13 and after a minute 11-12
(bench/results/notes.md, session 22). A production engine has served
thousands of searches since it started; a bench that measured from its first
ones measured its compiler. So the searches are sent for ``warm_up_seconds``
first, and the median of the first pass is kept as ``cold_took_p50_ms``.
"""

from __future__ import annotations

import json
import statistics
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass

from django.conf import settings

from cms.translation.languages import language_codes
from public.search import parse_search_request
from search.engine import FEW_RESULTS, fallback_highlights
from search.query import build_search, build_spelling

from .queries import QUERIES

WARM_UP = 5
# Long enough for the engine's `took` to level out at 1 000 activities (see above).
WARM_UP_SECONDS = 60.0


@dataclass
class SearchTimes:
    queries: int
    api_p50_ms: float
    api_p99_ms: float
    engine_p50_ms: float
    engine_p99_ms: float
    engine_took_p50_ms: float
    warm_up_seconds: float
    warm_up_searches: int
    cold_took_p50_ms: float


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _engine_request(engine: str, request, languages=None) -> urllib.request.Request:
    """The request ``search.engine`` sends for this search request."""
    return _as_request(engine, build_search(request, languages))


def _as_request(engine: str, search) -> urllib.request.Request:
    return urllib.request.Request(
        f"{engine}/{search.index}/_search",
        data=json.dumps(search.to_dict()).encode(),
        headers={"Content-Type": "application/json"},
    )


def _timed(request: urllib.request.Request) -> tuple[float, dict]:
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=30) as answer:
        body = answer.read()
    return (time.perf_counter() - started) * 1000, json.loads(body)


def _warm_up(searches: list[urllib.request.Request], seconds: float) -> tuple[int, float]:
    """Send ``searches`` to the engine, pass after pass, for ``seconds``.

    Returns how many were sent and the median `took` of the first pass.
    """
    deadline = time.monotonic() + seconds
    sent, first_pass = 0, []
    while True:
        for search in searches:
            _, answer = _timed(search)
            if sent < len(searches):
                first_pass.append(float(answer["took"]))
            sent += 1
        if time.monotonic() >= deadline:
            return sent, statistics.median(first_pass)


def _through_api(api: urllib.request.Request) -> float:
    elapsed, answer = _timed(api)
    assert answer["backend"] == "elasticsearch", "the API fell back to the database"
    return elapsed


def _through_engine(engine: str, request, raw, everywhere) -> tuple[float, float]:
    """Wall clock and summed `took` of the engine requests the API makes for ``request``."""
    elapsed, answer = _timed(raw)
    spent = float(answer["took"])
    if answer["hits"]["total"]["value"] == 0 and everywhere is not None:
        more, answer = _timed(everywhere)
        elapsed, spent = elapsed + more, spent + float(answer["took"])
    marks = fallback_highlights(answer["hits"]["hits"], request.q, request.language)
    if marks is not None:
        more, marked = _timed(_as_request(engine, marks))
        elapsed, spent = elapsed + more, spent + float(marked["took"])
    if answer["hits"]["total"]["value"] < FEW_RESULTS and request.q.strip():
        # "Did you mean", which search.engine asks only after few hits.
        more, spelt = _timed(_as_request(engine, build_spelling(request.q.strip())))
        elapsed, spent = elapsed + more, spent + float(spelt["took"])
    return elapsed, spent


def measure(base_url: str, rounds: int, warm_up_seconds: float | None = None) -> SearchTimes:
    """Warm the engine up, then time ``rounds`` passes over the queries: API and engine."""
    if warm_up_seconds is None:
        warm_up_seconds = WARM_UP_SECONDS
    engine = settings.ELASTICSEARCH_URL.split(",")[0].rstrip("/")
    api_ms, engine_ms, took = [], [], []
    prepared = []
    for lang, q, extra in QUERIES:
        request = parse_search_request({"q": q, **extra}, lang)
        query = urllib.parse.urlencode({"q": q, "lang": lang, **extra})
        prepared.append(
            (
                request,
                urllib.request.Request(f"{base_url}/api/v1/search?{query}"),
                _engine_request(engine, request),
                # Sent only when the chain finds nothing, as search.engine.find does.
                _engine_request(engine, request, tuple(language_codes())) if request.q else None,
            )
        )
    warm_up_searches, cold_took = _warm_up([raw for _, _, raw, _ in prepared], warm_up_seconds)
    for _, api, _, _ in prepared[:WARM_UP]:  # the app's workers: code, connections
        _timed(api)
    for round_number in range(rounds):
        for request, api, raw, everywhere in prepared:
            # Whichever of the twins goes second finds the engine warm from the first
            # (API first: 1.28× the engine; engine first: 1.24×; bench/results/notes.md,
            # session 23), so each goes first in every other round.
            if round_number % 2:
                elapsed, spent = _through_engine(engine, request, raw, everywhere)
                api_ms.append(_through_api(api))
            else:
                api_ms.append(_through_api(api))
                elapsed, spent = _through_engine(engine, request, raw, everywhere)
            engine_ms.append(elapsed)
            took.append(spent)
    return SearchTimes(
        queries=len(prepared),
        api_p50_ms=statistics.median(api_ms),
        api_p99_ms=percentile(api_ms, 0.99),
        engine_p50_ms=statistics.median(engine_ms),
        engine_p99_ms=percentile(engine_ms, 0.99),
        engine_took_p50_ms=statistics.median(took),
        warm_up_seconds=warm_up_seconds,
        warm_up_searches=warm_up_searches,
        cold_took_p50_ms=cold_took,
    )
