"""Publish → visible: how long an editor's change takes to show in the API, on the site
and in search, through the running app servers, their response cache included.

Before each publish the cached answers are requested once (so a stale copy would be
there to serve); after the commit every place is asked again until it shows the new
title. The figure is the time until the last of them shows it (median of five).
"""

from __future__ import annotations

import json
import statistics
import time
import urllib.request
from dataclasses import dataclass

from django.db import transaction

from cms.models import ActivityPage
from search import elastic
from search.documents import alias
from search.elastic import COMMAND_TIMEOUT

TRIES = 5
GIVE_UP_SECONDS = 30


@dataclass
class Visibility:
    api_list_ms: float
    api_detail_ms: float
    site_page_ms: float
    search_ms: float
    all_ms: float  # median of the slowest place per try


def _get(url: str) -> str:
    return urllib.request.urlopen(url, timeout=30).read().decode()


def _first_listed(base: str) -> ActivityPage:
    """The first activity of the Dutch list: changing it changes a cached list's first page."""
    listed = json.loads(_get(f"{base}/api/v1/activities?lang=nl&page_size=20"))
    return ActivityPage.objects.get(slug=listed["results"][0]["slug"])


def _one_publish(base: str, token: str) -> dict[str, float]:
    page = _first_listed(base)
    site_path = "/nl/" + page.get_url_parts()[2].split("/", 2)[2]
    places = {
        "api_list_ms": f"{base}/api/v1/activities?lang=nl&page_size=20",
        "api_detail_ms": f"{base}/api/v1/activities/{page.slug}?lang=nl",
        "site_page_ms": f"{base}{site_path}",
    }
    for url in places.values():
        _get(url)  # cached now, if the place caches
    client = elastic._client(elastic.hosts(), COMMAND_TIMEOUT)
    query = {"query": {"match": {"title.nl": token}}, "size": 1}

    page.title_nl = page.title = f"{page.title_nl.split(' ~ ')[0]} ~ {token}"
    started = time.perf_counter()
    with transaction.atomic():
        page.save_revision().publish()
    seen: dict[str, float] = {}
    while len(seen) < len(places) + 1:
        elapsed = time.perf_counter() - started
        if elapsed > GIVE_UP_SECONDS:
            missing = sorted((set(places) | {"search_ms"}) - set(seen))
            raise RuntimeError(f"published change not visible in {missing} within 30 s")
        for name, url in places.items():
            if name not in seen and token in _get(url):
                seen[name] = (time.perf_counter() - started) * 1000
        if (
            "search_ms" not in seen
            and client.search(index=alias(), body=query)["hits"]["total"]["value"]
        ):
            seen["search_ms"] = (time.perf_counter() - started) * 1000
    return seen


def measure(base: str) -> Visibility:
    tries = [_one_publish(base, f"visibletoken{n}x{int(time.time())}") for n in range(TRIES)]
    median = {name: statistics.median(t[name] for t in tries) for name in tries[0]}
    return Visibility(**median, all_ms=statistics.median(max(t.values()) for t in tries))
