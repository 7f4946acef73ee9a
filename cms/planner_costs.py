"""On each new PostgreSQL connection: an index step costs about a read in order.

Why: PostgreSQL's default ``random_page_cost`` (4) prices a page read through
an index four times a page read in order, as on a spinning disk. Wegwijs's
database is small enough to stay in memory (under 1 GB at 100 000
activities, bench/), so index steps cost about the same as reads in order,
and with the default the planner reads whole tables where a few index steps
would do. The site's activity list counted its sport activities by reading
and hashing every occurrence after now (1.5 ms at 1 000 activities; 0.4 ms in
index steps with 1.1, the value usually advised for SSDs and cached data).
See bench/results/notes.md, session 19, for every statement measured.

Set per connection, not in the connection string, because PgBouncer
(docs/production.md) refuses startup options it does not know. An operator
whose database does not fit in memory sets ``DATABASE_RANDOM_PAGE_COST`` to
"" and the server's own value holds.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings


def set_planner_costs(sender: Any, connection: Any, **kwargs: Any) -> None:
    """On a new PostgreSQL connection: ``random_page_cost`` from the settings (if set)."""
    cost = settings.DATABASE_RANDOM_PAGE_COST
    if connection.vendor != "postgresql" or cost is None:
        return
    # On the driver's connection: the statement is the session's set-up, not one of
    # the app's queries, so the query counts the tests pin do not see it.
    connection.connection.execute(f"SET random_page_cost = {float(cost)}")


__all__ = ["set_planner_costs"]
