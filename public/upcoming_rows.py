"""The site's lists of activity cards, from SQL compiled once per shape of request.

The home page's week ahead, a page of the activity list and a partner's
activities each build ``upcoming``'s query afresh: a Wagtail page query with
the date window's subqueries, cloned at every step, which took as long as
PostgreSQL took to run it (about 3 ms of the home page's 12 at 100 000
activities, bench/). Only the clock and the filters' values differ between
requests, so the query is compiled once per shape, as the API's list is
(``public.prepared_query``, ``public.activity_query_values``); the rows are
the ones the built query gives, read afresh every time. The list's count is
counted the same way: PostgreSQL counts the first matches.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from .activities import ActivityFilter, counted, upcoming
from .activity_query_values import filter_shape, filter_values, with_values
from .activity_statements import statement_count, statement_rows


def upcoming_rows(
    wanted: ActivityFilter, now: datetime, language: str, offset: int, limit: int
) -> list[dict[str, Any]]:
    """``upcoming(wanted, now, language)[offset:offset + limit]``: rows for ``cards``."""

    def build(values: Mapping[str, Any]) -> Any:
        return upcoming(with_values(wanted, values), values["now"], language)[
            offset : offset + limit
        ]

    values = filter_values(wanted, now)
    shape = ("site-upcoming", language, offset, limit, filter_shape(wanted, values))
    return statement_rows(shape, build, values)


def count_up_to(wanted: ActivityFilter, now: datetime, up_to: int) -> int:
    """``counted(wanted, now)``'s matches, counted up to ``up_to + 1`` (more than ``up_to``)."""

    def build(values: Mapping[str, Any]) -> Any:
        return counted(with_values(wanted, values), values["now"]).values("pk")[: up_to + 1]

    values = filter_values(wanted, now)
    shape = ("site-count", up_to, filter_shape(wanted, values))
    return statement_count(shape, build, values)


__all__ = ["count_up_to", "upcoming_rows"]
