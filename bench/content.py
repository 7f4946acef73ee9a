"""Bringing the bench database to N activities: the import path first, then the bulk path."""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.db import connection
from django.utils import timezone

from cms.importing import import_content
from cms.models import ActivityPage

from . import bulk, dataset

# This many activities go through ``import_content`` (page by page, revisions,
# signals), with the base content (municipalities, partners, guides, policy
# actions); the rest through ``bench.bulk``. Both rates are reported, the
# import's over every record it stored.
IMPORTED = 200
CHUNK = 10_000


@dataclass
class LoadTimes:
    imported: int = 0  # records of every section
    imported_activities: int = 0
    import_seconds: float = 0.0
    bulk: int = 0
    bulk_seconds: float = 0.0


def ensure_activities(size: int, times: LoadTimes, municipalities: int = 1) -> int:
    """Add activities until there are ``size``, spread over ``municipalities``; returns how
    many there are."""
    have = ActivityPage.objects.count()
    now = timezone.now()
    if have == 0:
        started = time.perf_counter()
        first = min(IMPORTED, size)
        data = {
            **dataset.base_content(municipalities),
            "activities": dataset.activities(0, first, now, municipalities),
        }
        import_content(data)
        times.imported += sum(len(records) for records in data.values())
        times.imported_activities += first
        times.import_seconds += time.perf_counter() - started
        have = first
    while have < size:
        stop = min(size, have + CHUNK)
        started = time.perf_counter()
        bulk.insert_activities(dataset.activities(have, stop, now, municipalities), now)
        times.bulk += stop - have
        times.bulk_seconds += time.perf_counter() - started
        print(f"  activities: {stop} ({times.bulk / times.bulk_seconds:.0f}/s bulk)", flush=True)
        have = stop
    return have


def analyze() -> None:
    """The tables as autovacuum leaves them within a minute or two of a load:
    vacuumed (visibility map set, hint bits written) and with the planner's statistics.

    Without statistics a load right after the bulk insert measures plans made
    for the tables as they were before it: at 1 000 activities the geo + date
    list took 23 ms in process instead of 7.9 ms (bench/results/notes.md).
    Without the vacuum, autovacuum's own pass over the inserted rows ran during
    the first load measured after them (the activity list at 10 000, p99 151
    and 158 ms in two runs against 60-70 ms for the loads after it). Neither is
    a state a platform stays in for longer than autovacuum's first pass.

    The statistics come first, committed synchronously: the cluster the bench
    shares with the tests commits asynchronously (scripts/services/start-postgres),
    and until the load's commit is flushed VACUUM may not mark its rows as seen
    by everyone. A VACUUM straight after the load left 719 of the 797 pages of
    occurrences at 10 000 activities unmarked, so every index-only scan of them
    read the table as well. ``ANALYZE`` writes to the catalog, and its
    synchronous commit flushes the load's commit with it.
    """
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit = on")
        try:
            cursor.execute("ANALYZE")
            cursor.execute("VACUUM")
        finally:
            cursor.execute("RESET synchronous_commit")
