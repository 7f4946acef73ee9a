"""Indexing: ``search_index rebuild`` against a raw bulk of the same documents; publish → found."""

from __future__ import annotations

import io
import statistics
import time
from dataclasses import dataclass

from django.core.management import call_command
from django.db import transaction
from elasticsearch import helpers

from cms.models import ActivityPage
from search import elastic, indexes
from search.documents import alias
from search.elastic import COMMAND_TIMEOUT
from search.indexing import INDEXED_TYPES, index_actions
from search.rebuild import CHUNK

PUBLISH_TRIES = 5


@dataclass
class IndexingTimes:
    documents: int
    rebuild_seconds: float
    raw_bulk_seconds: float
    publish_to_searchable_ms: float


def _rebuild() -> float:
    started = time.perf_counter()
    call_command("search_index", "rebuild", stdout=io.StringIO(), stderr=io.StringIO())
    return time.perf_counter() - started


def _raw_bulk() -> tuple[int, float]:
    """The same documents, built beforehand, sent by ``helpers.bulk`` into a fresh index."""
    client = elastic._client(elastic.hosts(), COMMAND_TIMEOUT)
    name = f"{alias()}-rawbulk"
    client.indices.delete(index=name, ignore_unavailable=True)
    actions = [
        action
        for kind, indexed in INDEXED_TYPES.items()
        for action in index_actions(kind, indexed.queryset().iterator(chunk_size=CHUNK), index=name)
    ]
    indexes.create_index(client, name)
    try:
        client.indices.put_settings(index=name, body={"index": {"refresh_interval": "-1"}})
        started = time.perf_counter()
        helpers.bulk(client, actions, chunk_size=CHUNK, request_timeout=COMMAND_TIMEOUT)
        seconds = time.perf_counter() - started
    finally:
        client.indices.delete(index=name, ignore_unavailable=True)
    return len(actions), seconds


def _publish_to_searchable(token: str) -> float:
    """Publish a changed title as an editor would, then ask the engine until it is found."""
    client = elastic._client(elastic.hosts(), COMMAND_TIMEOUT)
    page = ActivityPage.objects.live().order_by("pk").first()
    page.title_nl = page.title = f"{page.title_nl.split(' ~ ')[0]} ~ {token}"
    started = time.perf_counter()
    with transaction.atomic():
        page.save_revision().publish()
    query = {"query": {"match": {"title.nl": token}}, "size": 1}
    while time.perf_counter() - started < 30:
        if client.search(index=alias(), body=query)["hits"]["total"]["value"]:
            return (time.perf_counter() - started) * 1000
        time.sleep(0.005)
    raise RuntimeError("the published change was not found within 30 s")


def measure(with_raw_bulk: bool) -> IndexingTimes:
    """Rebuild (needed at every size: the bulk path bypasses indexing); raw bulk if asked."""
    rebuild_seconds = _rebuild()
    documents, raw_seconds = _raw_bulk() if with_raw_bulk else (0, 0.0)
    found = [
        _publish_to_searchable(f"benchtoken{n}x{int(time.time())}") for n in range(PUBLISH_TRIES)
    ]
    return IndexingTimes(documents, rebuild_seconds, raw_seconds, statistics.median(found))
