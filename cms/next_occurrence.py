"""Each activity's next occurrence, stored on the activity for lists that do not grow.

A list "soonest first" sorts by the first occurrence that has not ended. Worked
out per request, that is one subquery for *every* matching activity before the
LIMIT can apply, so the list slows down as the calendar grows (bench/: 1.2x
Wagtail API v2 at 100 000 activities). Stored in ``upcoming_starts_at`` /
``upcoming_ends_at`` and indexed, the list walks the index and stops after a
page.

The stored pair is exact after every write that changes the dates (the
occurrences are rebuilt, and with them this pair: ``ActivityPage.
rebuild_occurrences``, which saving, publishing, ``refresh_occurrences``,
``import_content`` and the calendar import all go through; the bench's bulk
loader sets it from the same rows). Time alone also moves it: when an
occurrence ends, the next one becomes the upcoming one. ``refresh_ended``
(``manage.py refresh_next_occurrences``, every minute from cron) moves those;
its UPDATE moves the content version, so a cached answer does not outlive it.
Null: no occurrence that has not ended (the list puts those last, as before).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.db.models import OuterRef, QuerySet, Subquery

if TYPE_CHECKING:
    from .models import ActivityPage

STARTS = "upcoming_starts_at"
ENDS = "upcoming_ends_at"


def first_not_ended(rows: Iterable[Any], now: datetime) -> tuple[datetime | None, datetime | None]:
    """(starts_at, ends_at) of the earliest-starting row that has not ended by ``now``."""
    ahead = [row for row in rows if row.ends_at >= now]
    if not ahead:
        return None, None
    first = min(ahead, key=lambda row: row.starts_at)
    return first.starts_at, first.ends_at


def set_from_rows(activity: ActivityPage, rows: Iterable[Any], now: datetime) -> None:
    """Set the pair on ``activity`` (unsaved) from its occurrence rows."""
    starts, ends = first_not_ended(rows, now)
    setattr(activity, STARTS, starts)
    setattr(activity, ENDS, ends)


def store(activity: ActivityPage, rows: Iterable[Any], now: datetime) -> None:
    """Set the pair from ``rows`` and write it: one UPDATE of the activity's own row.

    An UPDATE rather than ``save()``: a save would send ``post_save`` again and
    rebuild the occurrences it was called from.
    """
    set_from_rows(activity, rows, now)
    type(activity).objects.filter(pk=activity.pk).update(
        **{STARTS: getattr(activity, STARTS), ENDS: getattr(activity, ENDS)}
    )


def recompute(activities: QuerySet, now: datetime) -> int:
    """Work the pair out in SQL for ``activities`` (one UPDATE); returns how many rows changed."""
    from .models import ActivityOccurrence

    first = ActivityOccurrence.objects.filter(activity=OuterRef("pk"), ends_at__gte=now).order_by(
        "starts_at"
    )
    return activities.update(
        **{
            STARTS: Subquery(first.values("starts_at")[:1]),
            ENDS: Subquery(first.values("ends_at")[:1]),
        }
    )


def refresh_ended(now: datetime) -> int:
    """Move the pair on for activities whose stored next occurrence has ended (the cron job).

    Only those rows are written (an index on ``upcoming_ends_at`` finds them),
    so a minute in which nothing ended writes nothing and keeps caches warm.
    """
    from .models import ActivityPage

    return recompute(ActivityPage.objects.filter(**{f"{ENDS}__lt": now}), now)


__all__ = [
    "ENDS",
    "STARTS",
    "first_not_ended",
    "recompute",
    "refresh_ended",
    "set_from_rows",
    "store",
]
