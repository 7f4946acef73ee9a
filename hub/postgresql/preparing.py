"""Statements PostgreSQL keeps prepared on a connection, planned once, run many times.

Why: the lists the public reads most (the API's activity list, the site's
activity list, its count and the home page's week) run the same SQL on every
request, only the values differ (``public.prepared_query`` compiles it once
per shape). PostgreSQL planned each statement afresh: 0.4 ms for the site
list's count and 0.8 ms for its cards at 10 000 activities, about a fifth of the
page (bench/results/notes.md). Prepared on the connection, a statement is
planned with its values for its first five runs and then, when a plan for any
values costs no more than those, with that one plan (PostgreSQL's
``plan_cache_mode = auto``): the planning is saved from then on.

Django binds values on the client (psycopg's ``ClientCursor``: the values are
written into the SQL text), which cannot be prepared; it does not prepare
statements itself. psycopg does, for a cursor that binds on the server and asks
(``prepare=True``): it names the statement, keeps at most ``prepared_max`` per
connection and prepares them again on a new connection. This cursor always asks.
A connection with prepared statements needs a session of its own on the server:
behind PgBouncer, session pooling (docs/production.md), or transaction pooling
from PgBouncer 1.21 with ``max_prepared_statements``.
"""

from __future__ import annotations

from typing import Any

from django.db.backends.postgresql import base


class PreparingCursor(base.ServerBindingCursor):
    """Django's cursor binding on the server, each statement prepared on the connection."""

    # How a caller that may not import the backend (public.prepared_query) tells it.
    keeps_prepared = True

    def execute(
        self, query: Any, params: Any = None, *, prepare: bool | None = None, **kwargs: Any
    ) -> Any:
        asked = True if prepare is None else prepare
        return super().execute(query, params, prepare=asked, **kwargs)


# psycopg prepares nothing on a connection whose threshold is None (Django's default),
# not even when asked; with this one it prepares what is asked for and nothing of
# its own accord (a client-binding cursor, Django's, never prepares).
ONLY_WHEN_ASKED = 2**31 - 1

__all__ = ["ONLY_WHEN_ASKED", "PreparingCursor"]
