"""The durable queue between content changes and the index.

``enqueue`` runs inside the transaction that changes the content and records
the object in ``IndexChange``; after the commit the change is applied at once.
If the engine is down or slow, saving still succeeds and the row stays
pending: the next write, ``search_index sync`` (run it from cron) or a
rebuild applies it. Applying always reads the object's *current* state from
the database (indexed if it should be findable, deleted from the index if
not), so applying a row twice, or late, is harmless.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Collection, Iterable
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial, reduce
from operator import or_

from django.db import transaction
from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When
from django.utils import timezone
from elasticsearch.exceptions import TransportError

from cms.index_once.deferral import bulk_notes

from . import elastic, indexes
from .indexing import INDEXED_TYPES, delete_actions, index_actions
from .models import IndexChange

logger = logging.getLogger(__name__)

BATCH = 500
# After a commit, besides its own change, catch up on this much backlog: enough
# to drain a short outage, little enough to keep an editor's save quick.
BACKLOG_PER_WRITE = 100
KEEP_APPLIED = timedelta(days=7)


def enqueue(kind: str, *object_ids: int) -> None:
    """Queue objects' documents for rewriting, in the caller's transaction."""
    if not elastic.is_configured() or not object_ids:
        return  # database search only: nothing to keep in step
    now = timezone.now()
    IndexChange.objects.bulk_create(
        [IndexChange(kind=kind, object_id=pk, queued_at=now) for pk in object_ids],
        update_conflicts=True,
        unique_fields=["kind", "object_id"],
        update_fields=["queued_at", "applied_at", "attempts", "last_error"],
    )
    # An import applies its records after its commit in one go: before, each
    # record had its own after-commit callback (277 for 278 records), each one
    # reading the pending rows and, while a backlog was left, writing and
    # refreshing another hundred of them.
    batch = bulk_notes("search-outbox", _apply_after_commit_of)
    if batch is not None:
        batch.setdefault(kind, set()).update(object_ids)
    else:
        _apply_after_commit_of({kind: object_ids})


def _apply_after_commit_of(object_ids: dict[str, Collection[int]]) -> None:
    # robust: whatever happens while indexing, the editor's save has succeeded.
    transaction.on_commit(partial(_apply_after_commit, object_ids), robust=True)


def pending() -> QuerySet[IndexChange]:
    return IndexChange.objects.filter(applied_at__isnull=True)


def _apply_after_commit(object_ids: dict[str, Collection[int]]) -> None:
    if not elastic.is_configured() or elastic.recently_failed():
        return  # stays pending for the next write or `search_index sync`
    own = [Q(kind=kind, object_id__in=ids) for kind, ids in object_ids.items()]
    own_first = Case(
        When(reduce(or_, own), then=Value(0)), default=Value(1), output_field=IntegerField()
    )
    count = sum(len(ids) for ids in object_ids.values())
    rows = list(pending().order_by(own_first, "queued_at")[: count + BACKLOG_PER_WRITE])
    # Logged by elastic; the rows stay pending.
    with suppress(elastic.EngineUnavailable):
        for start in range(0, len(rows), BATCH):
            # An editor just published: refresh the last write, so that it is
            # found at once rather than after the engine's next periodic refresh.
            apply(rows[start : start + BATCH], refresh=start + BATCH >= len(rows))


def _mark(rows: Iterable[IndexChange], **changes) -> None:
    # Only rows not queued again meanwhile: a newer change must stay pending.
    condition = reduce(or_, (Q(pk=row.pk, queued_at=row.queued_at) for row in rows), Q(pk=None))
    IndexChange.objects.filter(condition).update(**changes)


def apply(rows: list[IndexChange], timeout: float | None = None, *, refresh: bool = False) -> int:
    """Write the current state of these objects to the index; returns how many succeeded.

    ``refresh``: searchable at once (an editor's save), not at the next periodic refresh.
    """
    if not rows:
        return 0
    ids: dict[str, set[int]] = defaultdict(set)
    for row in rows:
        ids[row.kind].add(row.object_id)
    actions = []
    for kind, wanted in ids.items():
        found = list(INDEXED_TYPES[kind].queryset().filter(pk__in=wanted))
        actions += index_actions(kind, found)
        actions += delete_actions(kind, wanted - {obj.pk for obj in found})
    client = elastic.client()
    try:
        outcomes = list(indexes.write(client, actions, timeout, refresh=refresh))
    except TransportError as error:
        _mark(rows, attempts=F("attempts") + 1, last_error=str(error)[:1000])
        raise elastic.unavailable(error) from error
    elastic.mark_succeeded()
    errors = {(o.kind, o.object_id): o.error for o in outcomes if o.error}
    for row in rows:
        if (row.kind, row.object_id) in errors:
            logger.error("Could not index %s: %s", row, errors[row.kind, row.object_id])
            _mark([row], attempts=F("attempts") + 1, last_error=errors[row.kind, row.object_id])
    _mark(
        [row for row in rows if (row.kind, row.object_id) not in errors],
        applied_at=timezone.now(),
    )
    return len(rows) - len(errors)


@dataclass(frozen=True)
class SyncReport:
    applied: int
    failed: int
    pruned: int


def _apply_in_batches(rows: QuerySet[IndexChange], timeout: float | None) -> tuple[int, int]:
    applied = failed = 0
    last_id = 0
    while batch := list(rows.filter(id__gt=last_id).order_by("id")[:BATCH]):
        last_id = batch[-1].id
        done = apply(batch, timeout)
        applied += done
        failed += len(batch) - done
    return applied, failed


def sync(timeout: float | None = None) -> SyncReport:
    """Apply every pending change (``EngineUnavailable`` if the engine is still away)."""
    applied, failed = _apply_in_batches(pending(), timeout)
    pruned, _ = IndexChange.objects.filter(applied_at__lt=timezone.now() - KEEP_APPLIED).delete()
    return SyncReport(applied, failed, pruned)


def replay_since(since: datetime, timeout: float | None = None) -> int:
    """Apply again every change queued since ``since``, applied or not (after a rebuild)."""
    applied, _ = _apply_in_batches(IndexChange.objects.filter(queued_at__gte=since), timeout)
    return applied
