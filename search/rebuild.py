"""Rebuilding the index from the database without a moment of no search.

A new index is filled beside the old one, which keeps answering; then the
alias moves to the new index in one atomic call. Changes saved while the new
index was filling went to the old one, so they are replayed from the outbox
afterwards.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.utils import timezone
from elasticsearch import Elasticsearch, helpers

from . import indexes, outbox
from .elastic import COMMAND_TIMEOUT
from .indexing import INDEXED_TYPES, index_actions

CHUNK = 500
# Clocks of several app servers disagree a little; replay a bit more than needed.
CLOCK_MARGIN = timedelta(minutes=1)

Progress = Callable[[str, int, int], None]  # (kind, done, total)


@dataclass(frozen=True)
class RebuildReport:
    index: str
    documents: dict[str, int]
    replayed: int
    removed: list[str]


def _chunks(actions: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    for action in actions:
        chunk.append(action)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _fill(client: Elasticsearch, kind: str, index: str, progress: Progress | None) -> int:
    queryset = INDEXED_TYPES[kind].queryset()
    total = queryset.count()
    done = 0
    if progress:
        progress(kind, done, total)
    # Building a chunk of documents (database, StreamField text) takes about as
    # long as the engine takes to index one, so the engine indexes a chunk in a
    # second thread while this one builds the next (bench/RESULTS.md). Only this
    # thread touches the database. The first rejected document stops the fill
    # (helpers.bulk raises): better no swap than an incomplete index.
    with ThreadPoolExecutor(max_workers=1) as sender:
        in_flight: tuple[Future, int] | None = None
        documents = index_actions(kind, queryset.iterator(chunk_size=CHUNK), index=index)
        for chunk in _chunks(documents, CHUNK):
            if in_flight is not None:
                done += _finished(*in_flight)
                if progress:
                    progress(kind, done, total)
            in_flight = (
                sender.submit(helpers.bulk, client, chunk, request_timeout=COMMAND_TIMEOUT),
                len(chunk),
            )
        if in_flight is not None:
            done += _finished(*in_flight)
            if progress:
                progress(kind, done, total)
    return done


def _finished(sending: Future, size: int) -> int:
    sending.result()  # re-raises the engine's refusal here
    return size


def rebuild(client: Elasticsearch, progress: Progress | None = None) -> RebuildReport:
    started = timezone.now()
    index = indexes.new_index_name()
    indexes.create_index(client, index)
    try:
        # No refreshes while loading: nobody searches the new index yet.
        client.indices.put_settings(index=index, body={"index": {"refresh_interval": "-1"}})
        documents = {kind: _fill(client, kind, index, progress) for kind in INDEXED_TYPES}
        client.indices.put_settings(index=index, body={"index": {"refresh_interval": None}})
        client.indices.refresh(index=index, request_timeout=COMMAND_TIMEOUT)
        old = indexes.swap_alias(client, index)
    except Exception:
        client.indices.delete(index=index, ignore_unavailable=True)
        raise
    replayed = outbox.replay_since(started - CLOCK_MARGIN, COMMAND_TIMEOUT)
    removed = sorted({*old, *indexes.stale_indexes(client)})
    if removed:
        client.indices.delete(index=",".join(removed), request_timeout=COMMAND_TIMEOUT)
    return RebuildReport(index, documents, replayed, removed)
