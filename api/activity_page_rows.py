"""One page of the activity list's rows, from SQL compiled once per shape of request.

The list's query is the same for every request that asks for the same filters
in the same language, page size and cursor direction; only the clock, the slugs,
the audience, the date window and the cursor's position differ, and those go
into the SQL as parameters (``public.prepared_query``, which checks that they
do). A geo filter's values are its circle's numbers (``cms.geo.Circle``: the box
and the centre's terms), worked out before the query is built, since the point
and radius asked for are not themselves parameters of the SQL.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import asdict, fields, replace
from datetime import UTC, datetime
from typing import Any

from django.db.models import DateTimeField

from cms.geo import Circle
from public.activities import SORT_KEY, ActivityFilter, listed_rows
from public.prepared_query import prepared_rows

from .pagination import KeysetCursorPagination
from .serializers import activity_rows

# The list's sort key decodes as a moment (its annotation's field, whatever the filters).
SORT_KEY_FIELD = DateTimeField()
# The filters whose value is a parameter of the SQL (the others shape it).
PARAMETERS = ("category", "partner", "audience", "starts_after", "starts_before")
_CURSOR = ("cursor_key", "cursor_id")
# A geo filter's values: its circle's numbers, each a parameter of the SQL.
CIRCLE = tuple(f"circle_{field.name}" for field in fields(Circle))
# A date window walks the occurrences in start order until a page is full.
# PostgreSQL expects thousands of them, of few activities, so it plans a
# Memoize of each one's page; it reads some 70 of as many activities and the
# cache never hits: at 100 000 activities planning 2.0 -> 1.1 ms and running
# 1.6 -> 0.8 ms without it (bench/results/notes.md). Same plan otherwise.
WINDOW_PLANNER = {"enable_memoize": "off"}


def _stand_ins(which: int) -> dict[str, Any]:
    """Values of the kinds requests send, each different from every other stand-in."""
    moment = datetime(2001 + which, 1, 1, tzinfo=UTC)
    return {
        "now": moment.replace(hour=1),
        "category": f"\x01category-{which}",
        "partner": f"\x01partner-{which}",
        "audience": f"\x01audience-{which}",
        "starts_after": moment.replace(hour=2),
        "starts_before": moment.replace(hour=3),
        "cursor_key": moment.replace(hour=4),
        "cursor_id": 1_000_003 + which,
        # Numbers no circle's computation would give twice (cms.geo.Circle).
        **{name: 1000.25 + which + n / 8 for n, name in enumerate(CIRCLE)},
    }


def page_rows(
    wanted: ActivityFilter,
    language: str,
    now: datetime,
    paginator: KeysetCursorPagination,
    position: dict[str, Any] | None,
) -> list[dict]:
    """``page_query`` of the list's rows for ``wanted`` at ``now``, from ``position``."""

    def build(values: Mapping[str, Any]) -> Any:
        asked = replace(wanted, **{name: values.get(name) for name in PARAMETERS})
        if CIRCLE[0] in values:
            asked = replace(asked, circle=Circle(*(values[name] for name in CIRCLE)))
        at = position
        if position is not None:
            at = {**position, "key": values["cursor_key"], "id": values["cursor_id"]}
        selected = listed_rows(asked, values["now"])
        rows = activity_rows.list_rows(selected, language, asked.near is not None, SORT_KEY)
        return paginator.page_query(rows, at)

    values: dict[str, Any] = {"now": now}
    values.update((name, getattr(wanted, name)) for name in PARAMETERS)
    if position is not None:
        values.update(cursor_key=position["key"], cursor_id=position["id"])
    circle = wanted.circle_on_map()
    if circle is not None:
        values.update(zip(CIRCLE, asdict(circle).values(), strict=True))
    values = {name: value for name, value in values.items() if value is not None}
    shape = _shape(wanted, language, paginator, position, values)
    stand_ins = tuple({name: _stand_ins(n)[name] for name in values} for n in (0, 1))
    windowed = "starts_after" in values or "starts_before" in values
    return prepared_rows(shape, build, values, stand_ins, WINDOW_PLANNER if windowed else None)


def _shape(
    wanted: ActivityFilter,
    language: str,
    paginator: KeysetCursorPagination,
    position: dict[str, Any] | None,
    values: Mapping[str, Any],
) -> Hashable:
    """Everything but the values that decides the SQL."""
    municipality = wanted.municipality
    return (
        "activity-list",
        language,
        paginator.page_size,
        None if position is None else position["back"],
        None if municipality is None else municipality.pk,
        wanted.offered_language,
        wanted.free,
        wanted.mixed_team,
        tuple(sorted(values)),
    )


__all__ = ["SORT_KEY_FIELD", "page_rows"]
