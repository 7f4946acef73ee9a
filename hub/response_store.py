"""The response cache's reads: the content version and the stored rows in one round trip.

Why: a hit used to cost two reads (the version, then the entry) and a miss
three (the version, the entry, the clock horizon). On Django's database cache
(the default, shared by every app server) the version's row and both cache rows
live in the same PostgreSQL, so one SELECT joins them: the version and the rows
come from one snapshot, and a hit is one round trip (bench/RESULTS.md: the
cached list against the framework's floor).

A request that asks for a fresh answer (``Cache-Control: no-cache``) reads only
an MD5 of the stored entry, so that an answer computed afresh that is byte for
byte the one stored (same version, same content, same ETag) is not written
again: a write is four statements and a row lock per request. Its expiry is
renewed once half of its lifetime has gone.

Any other cache backend (Redis, local memory) gets the version with
``current_version`` and both entries with one ``get_many``; it always writes.
"""

from __future__ import annotations

import base64
import hashlib
import pickle
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.cache import DEFAULT_CACHE_ALIAS, caches
from django.core.cache.backends.db import DatabaseCache
from django.db import DEFAULT_DB_ALIAS, connections, router

from cms.content_version import TABLE as VERSION_TABLE
from cms.content_version import current_version


@dataclass(frozen=True)
class Found:
    """What one read found: the version (None: nothing may be cached) and the live rows."""

    version: int | None
    entry: Any = None
    # MD5 of the stored entry's encoding, when asked instead of the entry and it is
    # not in the second half of its lifetime (else None: write it again).
    entry_digest: str | None = None
    horizon: Any = None


def _database_cache() -> DatabaseCache | None:
    """The default cache when it is a database table next to the version's row."""
    backend = caches[DEFAULT_CACHE_ALIAS]
    if not isinstance(backend, DatabaseCache):
        return None
    model = backend.cache_model_class
    same_database = router.db_for_read(model) == router.db_for_write(model) == DEFAULT_DB_ALIAS
    return backend if same_database else None


def _encoded(backend: DatabaseCache, value: Any) -> str:
    """The text ``DatabaseCache.set`` stores for ``value`` (pickled, then base64)."""
    return base64.b64encode(pickle.dumps(value, backend.pickle_protocol)).decode("latin1")


def _decoded(value: str | None) -> Any:
    if value is None:
        return None
    connection = connections[DEFAULT_DB_ALIAS]
    # b64decode takes the ASCII text as it is (DatabaseCache.get encodes it first: a copy).
    return pickle.loads(base64.b64decode(connection.ops.process_clob(value)))


def read(key: str, horizon_key: str, *, digest_only: bool, now: datetime) -> Found:
    """The version, the entry at ``key`` (or its digest) and the horizon's row: one query."""
    backend = _database_cache()
    if backend is None:
        version = current_version()
        stored = {} if version is None else caches[DEFAULT_CACHE_ALIAS].get_many([key, horizon_key])
        entry = None if digest_only else stored.get(key)
        return Found(version, entry, None, stored.get(horizon_key))
    connection = connections[DEFAULT_DB_ALIAS]
    table = connection.ops.quote_name(backend._table)
    lifetime = settings.RESPONSE_CACHE_SECONDS
    # An expired row is absent, as DatabaseCache.get treats it (the next set replaces it).
    entry_column = (
        "CASE WHEN e.expires > %s THEN md5(e.value) END"
        if digest_only
        else "CASE WHEN e.expires > %s THEN e.value END"
    )
    renew_after = now + timedelta(seconds=lifetime / 2) if digest_only else now
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT v.number, {entry_column}, CASE WHEN h.expires > %s THEN h.value END "
            f"FROM {VERSION_TABLE} v "
            f"LEFT JOIN {table} e ON e.cache_key = %s "
            f"LEFT JOIN {table} h ON h.cache_key = %s "
            "WHERE v.id = 1",
            [
                renew_after,
                now,
                backend.make_and_validate_key(key),
                backend.make_and_validate_key(horizon_key),
            ],
        )
        row = cursor.fetchone()
    if row is None:
        return Found(None)
    version, entry, horizon = row
    if digest_only:
        return Found(version, None, entry, _decoded(horizon))
    return Found(version, _decoded(entry), None, _decoded(horizon))


def stored_already(found: Found, value: Any) -> bool:
    """Whether the entry ``read`` saw (by digest) is ``value``, byte for byte."""
    backend = _database_cache()
    if backend is None or found.entry_digest is None:
        return False
    digest = hashlib.md5(_encoded(backend, value).encode(), usedforsecurity=False).hexdigest()
    return digest == found.entry_digest


__all__ = ["Found", "read", "stored_already"]
