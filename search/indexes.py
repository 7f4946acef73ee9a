"""Index lifecycle: create behind the alias, write through it, swap it, count it."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Count
from django.utils import timezone
from elasticsearch import Elasticsearch, helpers
from elasticsearch.exceptions import RequestError

from .analyzers import language_analysis
from .documents import alias, index_definition, parse_document_id
from .elastic import COMMAND_TIMEOUT, hosts
from .indexing import INDEXED_TYPES
from .models import IndexChange

# The first index behind the alias has a fixed name, so that two processes
# creating it at once make one index, not two behind the same alias.
INITIAL_STAMP = "0" * 20
_CONCRETE = re.compile(r"^(?P<alias>.+)-\d{20}$")
_ensured: set[tuple[tuple[str, ...], str]] = set()


def new_index_name() -> str:
    return f"{alias()}-{timezone.now():%Y%m%d%H%M%S%f}"


def create_index(client: Elasticsearch, name: str, *, with_alias: bool = False) -> None:
    index = index_definition(name, language_analysis(client))
    if with_alias:
        index.aliases(**{alias(): {}})
    index.create(using=client, request_timeout=COMMAND_TIMEOUT)


def ensure_index(client: Elasticsearch) -> None:
    """Create an empty index behind the alias if there is none (checked once per process).

    Writing to a missing alias would make the engine invent an index with a
    guessed mapping under the alias's name; this makes sure it never has to.
    """
    key = (hosts(), settings.ELASTICSEARCH_INDEX_PREFIX)
    if key in _ensured:
        return
    if not client.indices.exists_alias(name=alias()):
        try:
            create_index(client, f"{alias()}-{INITIAL_STAMP}", with_alias=True)
        except RequestError as error:
            if error.error != "resource_already_exists_exception":
                raise
    _ensured.add(key)


@dataclass(frozen=True)
class WriteOutcome:
    """What happened to one bulk action: ``error`` is empty when it succeeded."""

    kind: str
    object_id: int
    error: str = ""


def write(
    client: Elasticsearch,
    actions: Iterable[dict[str, Any]],
    timeout: float | None = None,
    *,
    refresh: bool = False,
) -> Iterator[WriteOutcome]:
    """Apply index/delete actions through the alias, reporting each one's outcome.

    ``refresh``: make them searchable now rather than at the engine's next
    periodic refresh (up to a second later).
    """
    ensure_index(client)
    pending = list(actions)
    results = helpers.streaming_bulk(
        client,
        pending,
        raise_on_error=False,
        # The engine must never invent an index under the alias's name.
        require_alias=True,
        **({"refresh": "true"} if refresh else {}),
        **({"request_timeout": timeout} if timeout else {}),
    )
    for action, (ok, item) in zip(pending, results, strict=True):
        outcome = next(iter(item.values()))
        # Deleting what is not in the index is what we wanted anyway.
        gone = action["_op_type"] == "delete" and outcome.get("status") == 404
        yield WriteOutcome(
            *parse_document_id(action["_id"]),
            "" if ok or gone else str(outcome.get("error") or outcome.get("status")),
        )


def indexes_behind_alias(client: Elasticsearch) -> list[str]:
    return list(client.indices.get(index=alias(), ignore_unavailable=True, allow_no_indices=True))


def swap_alias(client: Elasticsearch, new_index: str) -> list[str]:
    """Point the alias at the new index in one atomic call; returns the indexes let go."""
    actions: list[dict[str, Any]] = []
    old: list[str] = []
    for index in indexes_behind_alias(client):
        if index == alias():
            # A real index squatting on the alias's name (made by a write before aliases).
            actions.append({"remove_index": {"index": index}})
        else:
            actions.append({"remove": {"index": index, "alias": alias()}})
            old.append(index)
    actions.append({"add": {"index": new_index, "alias": alias()}})
    client.indices.update_aliases(body={"actions": actions}, request_timeout=COMMAND_TIMEOUT)
    return old


def stale_indexes(client: Elasticsearch) -> list[str]:
    """Concrete indexes of this prefix that the alias does not point at (failed rebuilds)."""
    found = client.indices.get_alias(index=f"{alias()}-*", ignore_unavailable=True)
    return [
        index
        for index, info in found.items()
        if (match := _CONCRETE.match(index)) and match["alias"] == alias() and not info["aliases"]
    ]


@dataclass(frozen=True)
class TypeStatus:
    kind: str
    documents: int | None  # None when there is no index
    database: int
    pending: int

    @property
    def in_sync(self) -> bool:
        return self.documents == self.database and not self.pending


@dataclass(frozen=True)
class IndexStatus:
    alias: str
    indexes: list[str]
    types: list[TypeStatus]
    analysis: list[dict[str, str]]

    @property
    def in_sync(self) -> bool:
        return all(row.in_sync for row in self.types)


def status(client: Elasticsearch) -> IndexStatus:
    """Documents per type in the index against the database, and pending changes."""
    pending = {
        row["kind"]: row["n"]
        for row in IndexChange.objects.filter(applied_at__isnull=True)
        .values("kind")
        .annotate(n=Count("id"))
    }
    indexes = indexes_behind_alias(client)
    counts: dict[str, int] = {}
    analysis: list[dict[str, str]] = []
    if indexes:
        answer = client.search(
            index=alias(),
            body={"size": 0, "aggs": {"type": {"terms": {"field": "type"}}}},
            request_timeout=COMMAND_TIMEOUT,
        )
        counts = {b["key"]: b["doc_count"] for b in answer["aggregations"]["type"]["buckets"]}
        mapping = client.indices.get_mapping(index=alias())[indexes[0]]["mappings"]
        analysis = mapping.get("_meta", {}).get("analysis", [])
    return IndexStatus(
        alias(),
        indexes,
        [
            TypeStatus(
                kind,
                counts.get(kind, 0) if indexes else None,
                indexed.queryset().count(),
                pending.get(kind, 0),
            )
            for kind, indexed in INDEXED_TYPES.items()
        ],
        analysis,
    )
