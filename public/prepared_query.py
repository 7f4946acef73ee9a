"""A ``.values()`` query built and compiled once per shape, run with each request's values.

Why: the API's activity list builds the same query on every request, only the
values in it differ (the clock, a category slug, a cursor). Building the
queryset (a dozen clones of a Wagtail page query with subqueries) and compiling
it to SQL was about 9 ms of the list's 20 (bench/results/notes.md), more than
PostgreSQL took to run it.

A *shape* is what decides the SQL text (which filters are present, the
language's columns, the page size, the cursor's direction): the caller names
it with a hashable key. The *values* are the rest, each a parameter of the SQL.
The first request of a shape builds its query twice, with two sets of stand-in
values, and compiles both: the SQL must be the same text, and the parameters
must differ exactly where a stand-in is (each position is then known to hold
that value). Otherwise (a value inlined in the SQL, transformed on its way, or
changing the query's form) the shape is remembered as not preparable and every
request builds its own query as before. So an answer is the one the built
query gives, or the built query itself runs.

``build`` must use the values only as values in the query (not to decide its
form, nor read the database to build it): the check sees only what the
stand-ins change. Nothing here depends on content: the SQL is the same before and after any
commit (the rows it reads are not cached). The remembered shapes are dropped
when a setting changes (tests), since settings (languages, regions) shape it.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping
from contextlib import nullcontext
from datetime import datetime
from threading import Lock
from typing import Any

from django.core.signals import setting_changed
from django.db import connections
from django.db.models import QuerySet
from psycopg import ClientCursor

# Shapes remembered per process (each a compiled query: a few kilobytes).
MAX_SHAPES = 256
_NOT_PREPARABLE = object()
_shapes: OrderedDict[Hashable, Any] = OrderedDict()
_lock = Lock()


class PreparedRows:
    """One shape's compiled SQL, the positions of its values among the parameters,
    and the compiler that turns the fetched rows into Python values."""

    def __init__(self, queryset: QuerySet, sql: str, params: tuple, slots: list):
        query = queryset.query
        self.alias = queryset.db
        self.compiler = query.get_compiler(queryset.db)
        # as_sql() sets up the compiler's select list and converters' fields.
        self.compiler.as_sql()
        self.sql = sql
        self.params = params
        self.slots = slots
        self.names = (
            list(query.selected)
            if query.selected
            else [*query.extra_select, *query.values_select, *query.annotation_select]
        )

    def accepts(self, values: Mapping[str, Any]) -> bool:
        """Whether each value goes into the SQL as is, as its stand-in did."""
        return all(_same_kind(values[name], kind) for _, name, kind, _ in self.slots)

    def rows(
        self,
        values: Mapping[str, Any],
        planner: Mapping[str, str] | None = None,
        keep_plan: bool = False,
    ) -> list[dict]:
        compiler = self.compiler
        with _cursor(self.alias, keep_plan) as cursor:
            fetched = _fetch(cursor, self.sql, self._params(values), planner)
        if compiler.has_extra_select:
            fetched = [row[: compiler.col_count] for row in fetched]
        names = self.names
        return [dict(zip(names, row, strict=False)) for row in compiler.results_iter([fetched])]

    def count(self, values: Mapping[str, Any], keep_plan: bool = False) -> int:
        """How many rows the statement gives: counted by PostgreSQL, not sent to be counted."""
        with _cursor(self.alias, keep_plan) as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM ({self.sql}) AS counted", self._params(values))
            return cursor.fetchone()[0]

    def _params(self, values: Mapping[str, Any]) -> list:
        params = list(self.params)
        for index, name, _, wrap in self.slots:
            value = values[name]
            params[index] = value if wrap is None else wrap(value)
        return params


def _cursor(alias: str, keep_plan: bool) -> Any:
    """A cursor of ``alias``; with ``keep_plan``, one whose statements stay prepared.

    Prepared (``hub.postgresql.preparing``, PostgreSQL only), a statement is
    planned for its values on its first five runs and then, when one plan for any
    values is estimated to cost no more, not planned again on that connection:
    the site's sport list at 10 000 activities went from 6.8 to 6.0 ms. Only where
    the caller knows one plan serves every value: the geo + date list, prepared
    so, went from 4 to 25 ms on the plan PostgreSQL kept.
    """
    connection = connections[alias]
    preparing = getattr(connection, "preparing_cursor", None)
    return preparing() if keep_plan and preparing is not None else connection.cursor()


def _fetch(cursor: Any, sql: str, params: list, planner: Mapping[str, str] | None) -> list[tuple]:
    """The statement's rows, planned with ``planner``'s settings on PostgreSQL.

    The settings hold for this statement only: ``SET LOCAL`` before it, in a
    transaction, and ``RESET`` after it. Where psycopg binds the values
    client-side (Django's default), all go in one query string, which is one
    transaction. A statement bound server-side (to be kept prepared) must be one
    statement: the others go with it in one pipeline, in a transaction of psycopg's
    unless the caller's is open. Either way one round trip.
    """
    binding = cursor.cursor
    if planner and isinstance(binding, ClientCursor):
        before = "".join(f"SET LOCAL {name} = {value}; " for name, value in planner.items())
        after = "".join(f"; RESET {name}" for name in planner)
        cursor.execute(before + sql + after, params)
        for _ in planner:  # past each SET's empty result, to the rows
            cursor.nextset()
        return cursor.fetchall()
    if not planner or not getattr(binding, "keeps_prepared", False):
        # No settings, or SQLite (the embedded default), or Django binding server-side.
        cursor.execute(sql, params)
        return cursor.fetchall()
    session = cursor.db.connection
    own = cursor.db.get_autocommit()
    with session.pipeline(), session.transaction() if own else nullcontext():
        for name, value in planner.items():
            session.execute(f"SET LOCAL {name} = {value}")
        cursor.execute(sql, params)
        for name in planner:
            session.execute(f"RESET {name}")
    return cursor.fetchall()


def _same_kind(value: Any, kind: type) -> bool:
    # An aware datetime goes to PostgreSQL as is; Django would make a naive one aware first.
    if type(value) is not kind:
        return False
    return not isinstance(value, datetime) or value.tzinfo is not None


def _prepare(
    build: Callable[[Mapping[str, Any]], QuerySet], stand_ins: tuple[Mapping, Mapping]
) -> PreparedRows | None:
    first, second = stand_ins
    built = build(first)
    sql, params = built.query.get_compiler(built.db).as_sql()
    other = build(second)
    other_sql, other_params = other.query.get_compiler(other.db).as_sql()
    if sql != other_sql or len(params) != len(other_params):
        return None
    slots = []
    for index, (a, b) in enumerate(zip(params, other_params, strict=True)):
        if type(a) is type(b) and a == b:
            continue
        names = [
            name
            for name in first
            if isinstance(a, type(first[name]))
            and a == first[name]
            and isinstance(b, type(second[name]))
            and b == second[name]
        ]
        if len(names) != 1:
            return None  # a parameter made from a value, not the value itself
        name = names[0]
        kind = type(first[name])
        # Django's own wrapping of the value (psycopg's Int4 for an integer column).
        wrap = None if type(a) is kind else type(a)
        slots.append((index, name, kind, wrap))
    return PreparedRows(built, sql, tuple(params), slots)


def _prepared(
    shape: Hashable,
    build: Callable[[Mapping[str, Any]], QuerySet],
    stand_ins: tuple[Mapping[str, Any], Mapping[str, Any]],
) -> PreparedRows | object:
    """The shape's compiled query, prepared on its first request (or ``_NOT_PREPARABLE``)."""
    with _lock:
        prepared = _shapes.get(shape)
        if prepared is not None:
            _shapes.move_to_end(shape)
    if prepared is None:
        prepared = _prepare(build, stand_ins) or _NOT_PREPARABLE
        with _lock:
            _shapes[shape] = prepared
            while len(_shapes) > MAX_SHAPES:
                _shapes.popitem(last=False)
    return prepared


def prepared_rows(
    shape: Hashable,
    build: Callable[[Mapping[str, Any]], QuerySet],
    values: Mapping[str, Any],
    stand_ins: tuple[Mapping[str, Any], Mapping[str, Any]],
    planner: Mapping[str, str] | None = None,
    keep_plan: bool = False,
) -> list[dict]:
    """The rows of ``build(values)``: from the shape's SQL compiled once, or built.

    ``stand_ins`` are two sets of values with the same keys as ``values``, each
    value distinct from every other and of the kind ``values`` hold.
    ``planner``: PostgreSQL planner settings for the compiled statement only.
    ``keep_plan``: one plan serves the shape whatever its values (``_cursor``).
    """
    prepared = _prepared(shape, build, stand_ins)
    if not isinstance(prepared, PreparedRows) or not prepared.accepts(values):
        return list(build(values))
    return prepared.rows(values, planner, keep_plan)


def prepared_count(
    shape: Hashable,
    build: Callable[[Mapping[str, Any]], QuerySet],
    values: Mapping[str, Any],
    stand_ins: tuple[Mapping[str, Any], Mapping[str, Any]],
    keep_plan: bool = False,
) -> int:
    """``build(values).count()``, from the shape's SQL compiled once, or built.

    A list's capped count (the first 501 matches) used to fetch those rows and
    count them in Python: 501 rows sent, read and made into dicts for one number.
    """
    prepared = _prepared(shape, build, stand_ins)
    if not isinstance(prepared, PreparedRows) or not prepared.accepts(values):
        return build(values).count()
    return prepared.count(values, keep_plan)


def forget_shapes(**kwargs: Any) -> None:
    with _lock:
        _shapes.clear()


setting_changed.connect(forget_shapes)

__all__ = ["forget_shapes", "prepared_count", "prepared_rows"]
