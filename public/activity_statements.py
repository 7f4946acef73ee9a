"""An activity list's statement, run with what its values decide about it.

The API's list (``api.activity_page_rows``) and the site's cards and count
(``public.upcoming_rows``) each compile their SQL once per shape
(``public.prepared_query``), and each statement needs three things worked out
from its values: stand-ins to compile it with, the planner settings of a date
window, and whether one plan serves it whatever the values. Worked out here,
in one place, so that no caller keeps a geo list's statement prepared by
mistake (25 ms instead of 4 at 10 000 activities on the plan PostgreSQL kept).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from typing import Any

from django.db.models import QuerySet

from .activity_query_values import one_plan_serves, stand_ins, window_planner
from .prepared_query import prepared_count, prepared_rows


def statement_rows(
    shape: Hashable, build: Callable[[Mapping[str, Any]], QuerySet], values: Mapping[str, Any]
) -> list[dict]:
    """The rows of ``build(values)``, by the shape's statement where it has one."""
    return prepared_rows(
        shape, build, values, stand_ins(values), window_planner(values), one_plan_serves(values)
    )


def statement_count(
    shape: Hashable, build: Callable[[Mapping[str, Any]], QuerySet], values: Mapping[str, Any]
) -> int:
    """``build(values).count()``, by the shape's statement where it has one.

    Without the window's planner settings: counts read better on the server's
    own plan (session 18 in bench/results/notes.md).
    """
    return prepared_count(shape, build, values, stand_ins(values), one_plan_serves(values))


__all__ = ["statement_count", "statement_rows"]
