"""An activity filter split for ``public.prepared_query``: what shapes the SQL, and its values.

Both lists of activities, the API's (``api.activity_page_rows``) and the site's
(``public.upcoming_rows``), run the same filtered query on every request with
other values in it: the clock, the slugs, the audience, the date window. Those
go into the SQL as parameters; the other filters (yes/no choices, a spoken
language, the municipality) decide its form. A geo filter's values are its
circle's numbers (``cms.geo.Circle``: the box and the centre's terms), worked
out before the query is built, since the point and radius asked for are not
themselves parameters of the SQL.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import asdict, fields, replace
from datetime import UTC, datetime
from typing import Any

from cms.geo import Circle

from .activities import ActivityFilter

# The filters whose value is a parameter of the SQL (the others shape it).
PARAMETERS = ("category", "partner", "audience", "starts_after", "starts_before")
# A geo filter's values: its circle's numbers, each a parameter of the SQL.
CIRCLE = tuple(f"circle_{field.name}" for field in fields(Circle))


def _stand_in_table(which: int) -> dict[str, Any]:
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


# Made once: every list request asks for its stand-ins, and building the table
# for each of a geo filter's nine values was a tenth of a millisecond a request.
_STAND_INS = (_stand_in_table(0), _stand_in_table(1))


def stand_ins(values: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Two sets of stand-ins with the keys of ``values`` (as ``prepared_rows`` asks)."""
    return tuple({name: table[name] for name in values} for table in _STAND_INS)


def filter_values(wanted: ActivityFilter, now: datetime) -> dict[str, Any]:
    """The clock and the values of ``wanted`` that are parameters of the SQL (absent: left out)."""
    values: dict[str, Any] = {"now": now}
    values.update((name, getattr(wanted, name)) for name in PARAMETERS)
    circle = wanted.circle_on_map()
    if circle is not None:
        values.update(zip(CIRCLE, asdict(circle).values(), strict=True))
    return {name: value for name, value in values.items() if value is not None}


def with_values(wanted: ActivityFilter, values: Mapping[str, Any]) -> ActivityFilter:
    """``wanted`` with its parameters taken from ``values`` (real ones or stand-ins)."""
    asked = replace(wanted, **{name: values.get(name) for name in PARAMETERS})
    if CIRCLE[0] in values:
        asked = replace(asked, circle=Circle(*(values[name] for name in CIRCLE)))
    return asked


def filter_shape(wanted: ActivityFilter, values: Mapping[str, Any]) -> Hashable:
    """Everything of ``wanted`` but its values that decides the SQL."""
    municipality = wanted.municipality
    return (
        None if municipality is None else municipality.pk,
        wanted.offered_language,
        wanted.free,
        wanted.mixed_team,
        tuple(sorted(values)),
    )


def windowed(values: Mapping[str, Any]) -> bool:
    """Whether the query walks the occurrences of a date window."""
    return "starts_after" in values or "starts_before" in values


def one_plan_serves(values: Mapping[str, Any]) -> bool:
    """Whether one plan of the query serves whatever its values (``prepared_rows``'s
    ``keep_plan``): not when a circle bounds it, since how much of the map the
    box's values select decides the plan."""
    return CIRCLE[0] not in values


# How PostgreSQL plans a page of a date window's activities: walking the
# occurrences in start order with index steps (nested loops) and stopping when
# the page is full. Left to itself, it misjudges how soon a page fills and may
# hash every occurrence after the window's start, testing each against its
# activity's others ("no earlier occurrence"): the site's sport list at 1 000
# activities took 5.5 ms so and 0.8 ms with these settings; at 100 000 the
# site's list and home queries took a third less and the API's 5-25 % less,
# mostly in planning (bench/results/notes.md). Memoize, which it would put on
# each activity's page, never hits: the walk reads some 70 of as many activities.
WINDOW_PLANNER = {"enable_hashjoin": "off", "enable_mergejoin": "off", "enable_memoize": "off"}


def window_planner(values: Mapping[str, Any]) -> Mapping[str, str] | None:
    """The planner settings for a query with these values: ``WINDOW_PLANNER`` for a
    date window's walk, None (the server's own) for anything else.

    One partner's activities are planned by the server: "organises or co-organises"
    is an OR no index answers, and walking every occurrence for a partner's few
    activities took 13 ms at 1 000 where hashing them took 5.
    """
    if not windowed(values) or "partner" in values:
        return None
    return WINDOW_PLANNER


__all__ = [
    "CIRCLE",
    "PARAMETERS",
    "WINDOW_PLANNER",
    "filter_shape",
    "filter_values",
    "one_plan_serves",
    "stand_ins",
    "window_planner",
    "windowed",
    "with_values",
]
