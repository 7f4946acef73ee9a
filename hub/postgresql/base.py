"""Django's PostgreSQL backend, whose health check looks at the socket before asking the server.

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

from django.db.backends.postgresql import base


class DatabaseWrapper(base.DatabaseWrapper):
    def is_usable(self) -> bool:
        try:
            spoke, _, _ = select.select([self.connection.fileno()], [], [], 0)
        except (OSError, ValueError, base.Database.Error):
            return False  # closed, or its socket is gone
        # Unasked words from the server are usually its goodbye: ask it, as Django does.
        return not spoke or super().is_usable()
