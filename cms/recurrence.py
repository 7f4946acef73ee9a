"""Recurring activities: RFC 5545 RRULEs expanded in Amsterdam wall-clock time.

A Tuesday 19:00 language café stays at 19:00 after the switch to or from
daylight-saving time, so rules are expanded on local time and each occurrence
gets the UTC offset of its own date.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from dateutil.rrule import rrule, rrulestr

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
# A rule without COUNT or UNTIL never ends: stop expanding somewhere sane.
MAX_OCCURRENCES = 1000


@dataclass(frozen=True)
class Occurrence:
    starts_at: datetime
    ends_at: datetime


def parse_rule(rule: str, starts_at: datetime) -> rrule:
    """The rule as dateutil's rrule anchored at ``starts_at``; ValueError if malformed."""
    text = rule.strip()
    if text.upper().startswith("RRULE:"):
        text = text[len("RRULE:") :]
    if not text:
        raise ValueError("empty recurrence rule")
    if "DTSTART" in text.upper():
        raise ValueError("the rule must not carry its own DTSTART; the activity's start is used")
    local_start = starts_at.astimezone(AMSTERDAM)
    try:
        parsed = rrulestr(text, dtstart=local_start)
    except (ValueError, TypeError, KeyError, AttributeError) as error:
        raise ValueError(f"not a valid RFC 5545 RRULE: {error}") from None
    if not isinstance(parsed, rrule):
        raise ValueError("expected a single RRULE")
    return parsed


def validate_rule(rule: str, starts_at: datetime) -> None:
    """Raise ValueError when the rule is malformed or never produces a date."""
    parsed = parse_rule(rule, starts_at)
    if parsed.after(starts_at.astimezone(AMSTERDAM), inc=True) is None:
        raise ValueError("the rule produces no date on or after the start")


def occurrences(
    starts_at: datetime,
    ends_at: datetime | None,
    rule: str | None,
    *,
    after: datetime | None = None,
    before: datetime | None = None,
    limit: int = MAX_OCCURRENCES,
    excluded: Collection[datetime] = (),
) -> Iterator[Occurrence]:
    """Occurrences overlapping [after, before), in chronological order.

    A one-off activity has one occurrence. ``ends_at`` gives each occurrence its
    duration; without it an occurrence lasts no time at all. ``excluded`` are
    the starts of dates that do not take place (a calendar's EXDATE, or a date
    moved elsewhere).
    """
    duration = (ends_at - starts_at) if ends_at and ends_at > starts_at else timedelta(0)
    if not rule:
        starts = iter([starts_at.astimezone(AMSTERDAM)])
    elif after is not None:
        # Jump straight to the first candidate instead of walking from the start.
        starts = parse_rule(rule, starts_at).xafter(after - duration, inc=True)
    else:
        starts = iter(parse_rule(rule, starts_at))
    produced = 0
    for start in starts:
        if produced >= limit:
            return
        end = start + duration
        if before is not None and start >= before:
            return
        if (after is not None and end < after) or start in excluded:
            continue
        produced += 1
        yield Occurrence(start, end)


def next_occurrences(
    starts_at: datetime,
    ends_at: datetime | None,
    rule: str | None,
    now: datetime,
    count: int = 10,
    excluded: Collection[datetime] = (),
) -> list[Occurrence]:
    """The next ``count`` occurrences that have not ended by ``now``."""
    return list(
        occurrences(starts_at, ends_at, rule, after=now, limit=count, excluded=excluded)
    )


def parse_exceptions(values: Collection[str]) -> frozenset[datetime]:
    """ISO 8601 starts (as stored on an activity) as aware datetimes; ValueError if not."""
    parsed = set()
    for value in values:
        moment = datetime.fromisoformat(value) if isinstance(value, str) else None
        if moment is None or moment.tzinfo is None:
            raise ValueError(f"'{value}' is not an ISO 8601 date-time with a UTC offset")
        parsed.add(moment)
    return frozenset(parsed)
