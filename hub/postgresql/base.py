"""Django's PostgreSQL backend, whose health check looks at the socket before asking the
server, and which gives cursors whose statements stay prepared (``hub.postgresql.preparing``).

Why: the app keeps its connections between requests (``CONN_MAX_AGE``) and checks
each one before a request uses it (``CONN_HEALTH_CHECKS``), so that a restarted
PostgreSQL does not leave the workers holding dead connections
(tests/ops/test_postgres_restart.py). Django checks with ``SELECT 1``: a round trip
on every request that reads the database, a fifth of an answer from the response
cache (0.52 → 0.42 ms in process, bench/results/notes.md).

A server that ends a connection says so: on a restart, a shutdown or a terminated
backend it writes its error and closes the socket, so an idle connection then has
something to read. Nothing else arrives unasked on an idle connection of ours
(Wegwijs listens to no channel). So the socket is looked at first, without
waiting, and only when the server has written is it asked (Django's own check).
A server that vanished without a word (a machine lost) leaves nothing to read;
``SELECT 1`` would not tell either, it would wait on the network as the
request's own query does. Neither Django nor psycopg (nor psycopg_pool, whose
check is a query too) checks this way.
"""

from __future__ import annotations

import select
from typing import Any

from django.db.backends.postgresql import base, operations
from django.db.backends.postgresql.psycopg_any import errors, register_tzloader

from .preparing import ONLY_WHEN_ASKED, PreparingCursor


class DatabaseOperations(operations.DatabaseOperations):
    def last_executed_query(self, cursor: Any, sql: str, params: Any) -> str | None:
        if not isinstance(cursor, PreparingCursor):
            return super().last_executed_query(cursor, sql, params)
        # As Django logs a statement bound on the server: the SQL with the values in.
        try:
            return self.compose_sql(sql, params)
        except errors.DataError:
            return None


class DatabaseWrapper(base.DatabaseWrapper):
    ops_class = DatabaseOperations

    def is_usable(self) -> bool:
        try:
            spoke, _, _ = select.select([self.connection.fileno()], [], [], 0)
        except (OSError, ValueError, base.Database.Error):
            return False  # closed, or its socket is gone
        # Unasked words from the server are usually its goodbye: ask it, as Django does.
        return not spoke or super().is_usable()

    def get_connection_params(self) -> dict:
        params = super().get_connection_params()
        if params.get("prepare_threshold") is None:
            params["prepare_threshold"] = ONLY_WHEN_ASKED
        return params

    def preparing_cursor(self) -> Any:
        """A cursor as ``cursor()`` gives (checked, logged, its errors Django's), each
        statement it runs kept prepared on this connection."""
        self.close_if_health_check_failed()
        self.ensure_connection()
        with self.wrap_database_errors:
            cursor = PreparingCursor(self.connection)
            # As Django's create_cursor: datetimes read in the connection's time zone.
            loader = self.connection.adapters.get_loader(base.TIMESTAMPTZ_OID, base.Format.TEXT)
            if self.timezone != loader.timezone:
                register_tzloader(self.timezone, cursor)
            return self._prepare_cursor(cursor)
