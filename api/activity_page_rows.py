"""One page of the activity list's rows, from SQL compiled once per shape of request.

The list's query is the same for every request that asks for the same filters
in the same language, page size and cursor direction; only the clock, the slugs,
the audience, the date window and the cursor's position differ, and those go
into the SQL as parameters (``public.prepared_query``, which checks that they
do; ``public.activity_query_values`` splits a filter into shape and values).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from datetime import datetime
from typing import Any

from django.db.models import DateTimeField

from public.activities import SORT_KEY, ActivityFilter, listed_rows
from public.activity_query_values import (
    filter_shape,
    filter_values,
    with_values,
)
from public.activity_statements import statement_rows

from .pagination import KeysetCursorPagination
from .serializers import activity_rows

# The list's sort key decodes as a moment (its annotation's field, whatever the filters).
SORT_KEY_FIELD = DateTimeField()


def page_rows(
    wanted: ActivityFilter,
    language: str,
    now: datetime,
    paginator: KeysetCursorPagination,
    position: dict[str, Any] | None,
) -> list[dict]:
    """``page_query`` of the list's rows for ``wanted`` at ``now``, from ``position``."""

    def build(values: Mapping[str, Any]) -> Any:
        asked = with_values(wanted, values)
        at = position
        if position is not None:
            at = {**position, "key": values["cursor_key"], "id": values["cursor_id"]}
        selected = listed_rows(asked, values["now"])
        rows = activity_rows.list_rows(selected, language, asked.near is not None, SORT_KEY)
        return paginator.page_query(rows, at)

    values = filter_values(wanted, now)
    if position is not None:
        values.update(cursor_key=position["key"], cursor_id=position["id"])
    shape = _shape(wanted, language, paginator, position, values)
    return statement_rows(shape, build, values)


def _shape(
    wanted: ActivityFilter,
    language: str,
    paginator: KeysetCursorPagination,
    position: dict[str, Any] | None,
    values: Mapping[str, Any],
) -> Hashable:
    """Everything but the values that decides the SQL."""
    return (
        "activity-list",
        language,
        paginator.page_size,
        None if position is None else position["back"],
        filter_shape(wanted, values),
    )


__all__ = ["SORT_KEY_FIELD", "page_rows"]
