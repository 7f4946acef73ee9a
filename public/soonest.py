"""One page of activities, soonest first, without computing every match's next occurrence.

Why: ordering the matching activities by a per-activity subquery ("its first
occurrence in the window") makes PostgreSQL run that subquery for *every*
match before the LIMIT, so a list got slower with every activity published
(bench/RESULTS.md: p50 ×2.2 from 1 000 to 100 000 activities). Here the page
is found by walking ``ActivityOccurrence`` in start order on its
``(starts_at, activity)`` index and keeping an occurrence only when it is the
first qualifying one of a matching activity; the walk stops after one page.
The answer is exactly the old one: the same sort key (the first occurrence in
the date window, or without one the first that has not ended), the same ties
(by id), activities without such an occurrence last, by id.

"Has not ended" (``ends_at >= now``) is not a range of ``starts_at``: an
occurrence that started before now may still run. The walk starts at
``now - longest`` where ``longest`` is the longest stored occurrence, read from
an index on ``ends_at - starts_at`` (``cms`` migration), so no running
occurrence is missed and the past is not scanned.

The page's rows are then the activities whose ids the walk returned (a
subquery of the same statement: no extra query), annotated as before by
``public.activities.with_next_occurrence`` for those rows only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import (
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)

from cms.models import ActivityOccurrence, ActivityPage
from cms.publishing import published

from .activities import (
    NO_OCCURRENCE,
    SORT_KEY,
    ActivityFilter,
    listed_activities,
    matching_activities,
    window_of,
)

# The expression of the index that finds the longest occurrence (cms migration
# 0011): the walk's lower bound must use this very expression to use it.
DURATION = ExpressionWrapper(F("ends_at") - F("starts_at"), output_field=DurationField())


@dataclass(frozen=True)
class Position:
    """A keyset position: the sort key and id of the row to continue after (or before)."""

    key: datetime
    id: int
    back: bool = False


def _longest_occurrence() -> Subquery:
    return Subquery(
        ActivityOccurrence.objects.annotate(duration=DURATION)
        .order_by("-duration")
        .values("duration")[:1],
        output_field=DurationField(),
    )


def qualifying(wanted: ActivityFilter, now: datetime) -> Q:
    """The occurrences that can be an activity's sort key: in the window, or not yet ended."""
    after, before = wanted.starts_after, wanted.starts_before
    if after is not None or before is not None:
        return window_of(after, before)
    # starts_at's lower bound lets the walk start near now; ends_at decides.
    return Q(ends_at__gte=now, starts_at__gte=now - _longest_occurrence())


def _walk(matching: QuerySet, wanted: ActivityFilter, now: datetime) -> QuerySet:
    """Each matching activity's first qualifying occurrence, as rows of ``ActivityOccurrence``."""
    window = qualifying(wanted, now)
    earlier = ActivityOccurrence.objects.filter(window, activity=OuterRef("activity")).filter(
        Q(starts_at__lt=OuterRef("starts_at"))
        | Q(starts_at=OuterRef("starts_at"), pk__lt=OuterRef("pk"))
    )
    return (
        ActivityOccurrence.objects.filter(window)
        .filter(Exists(matching.filter(pk=OuterRef("activity"))))
        .exclude(Exists(earlier))
    )


def _walk_ids(walk: QuerySet, position: Position | None, back: bool, limit: int) -> QuerySet:
    if position is not None and position.key != NO_OCCURRENCE:
        if back:
            walk = walk.filter(
                Q(starts_at__lt=position.key) | Q(starts_at=position.key, activity__lt=position.id)
            )
        else:
            walk = walk.filter(
                Q(starts_at__gt=position.key) | Q(starts_at=position.key, activity__gt=position.id)
            )
    ordering = ("-starts_at", "-activity") if back else ("starts_at", "activity")
    return walk.order_by(*ordering).values("activity")[:limit]


def _without_occurrence_ids(
    matching: QuerySet,
    wanted: ActivityFilter,
    now: datetime,
    position: Position | None,
    back: bool,
    limit: int,
) -> QuerySet:
    """Matching activities with no qualifying occurrence (they come last), by id."""
    qualified = ActivityOccurrence.objects.filter(qualifying(wanted, now), activity=OuterRef("pk"))
    rest = matching.exclude(Exists(qualified))
    if position is not None and position.key == NO_OCCURRENCE:
        rest = rest.filter(pk__lt=position.id) if back else rest.filter(pk__gt=position.id)
    return rest.order_by("-pk" if back else "pk").values("pk")[:limit]


def one_page(
    selected: QuerySet,
    matching: QuerySet,
    wanted: ActivityFilter,
    now: datetime,
    position: Position | None,
    limit: int,
) -> QuerySet:
    """``limit`` rows of ``selected`` from ``position`` on, in (sort key, id) order.

    ``selected`` is the filtered, annotated list (``filter_activities``: what a
    row shows and its sort key); ``matching`` the same activities without
    annotations (what the walk joins). Backwards (a "previous" link), the rows
    come in descending order, as the paginator expects.
    """
    back = position is not None and position.back
    walk = _walk(matching, wanted, now)
    by_date = wanted.starts_after is not None or wanted.starts_before is not None
    in_tail = position is not None and position.key == NO_OCCURRENCE
    # Forward: the walk, then (without date filters) the activities without a
    # next occurrence. Backward: the reverse. The second part is read only when
    # the first has fewer than ``limit`` rows (a one-time filter in PostgreSQL).
    parts: list[QuerySet] = []
    if not (in_tail and not back):
        parts.append(_walk_ids(walk, None if in_tail else position, back, limit))
    if not by_date and (back is False or in_tail):
        parts.append(_without_occurrence_ids(matching, wanted, now, position, back, limit))
    if back:
        parts.reverse()
    if not parts:
        return selected.none()
    first, *rest = parts
    condition = Q(pk__in=first)
    if rest:
        condition |= Q(pk__in=rest[0]) & ~Exists(first[limit - 1 : limit])
    ordering = (f"-{SORT_KEY}", "-pk") if back else (SORT_KEY, "pk")
    return selected.filter(condition).order_by(*ordering)[:limit]


@dataclass(frozen=True)
class SoonestFirst:
    """The API list's activities, read one page at a time (``one_page``)."""

    selected: QuerySet
    matching: QuerySet
    wanted: ActivityFilter
    now: datetime

    def page(self, position: Position | None, limit: int) -> QuerySet:
        return one_page(self.selected, self.matching, self.wanted, self.now, position, limit)


def listed_soonest_first(wanted: ActivityFilter, language: str, now: datetime) -> SoonestFirst:
    """The API list: what ``listed_activities`` selects, in its order, a page at a time."""
    return SoonestFirst(
        selected=listed_activities(wanted, language, now),
        matching=matching_activities(published(ActivityPage.objects.all()), wanted),
        wanted=wanted,
        now=now,
    )
