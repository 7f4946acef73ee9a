"""From a calendar feed (RFC 5545) to the events Wegwijs imports.

Real feeds are messy, and each mess is handled here, once: Outlook's Windows
zone names and its own VTIMEZONE blocks (icalendar resolves both), UNTIL given
as a date on an all-day series, EXDATE, single dates moved or cancelled with
RECURRENCE-ID, all-day events, HTML descriptions, missing locations. An event
that cannot be read becomes an ``EventProblem`` naming its UID and summary;
the other events still come in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

import icalendar
from django.utils.translation import gettext_noop

from ..recurrence import AMSTERDAM, occurrences, validate_rule
from ..safe_html import plain_text
from .reasons import ImportProblem, Reason, as_is


class NotACalendar(ImportProblem):
    """The feed is not an iCalendar file at all."""


class EventUnreadable(ImportProblem, ValueError):
    """One event cannot be read; the reason names what is wrong with it."""


@dataclass(frozen=True)
class EventProblem:
    """An event that was not taken over, and why: shown in English (``str``, the command's
    output) or in the reader's language (``as_json``, then ``reasons.problem_line``)."""

    uid: str
    summary: str
    message: Reason

    def __str__(self) -> str:
        title = self.summary or "(no title)"
        return f"event '{title}' (UID {self.uid or '(none)'}): {self.message}"

    def as_json(self) -> dict:
        return {"uid": self.uid, "summary": self.summary, **self.message.as_json()}


@dataclass
class FeedEvent:
    """One event (a series, a one-off, or a single date moved out of a series)."""

    uid: str
    recurrence_id: str  # "" for a series or a one-off
    title: str
    description: str
    location: str
    starts_at: datetime
    ends_at: datetime | None
    rule: str
    skipped: set[datetime] = field(default_factory=set)
    cancelled: bool = False

    @property
    def key(self) -> tuple[str, str]:
        return (self.uid, self.recurrence_id)


@dataclass
class ParsedFeed:
    events: list[FeedEvent]
    problems: list[EventProblem]
    # Events that ended long ago: neither imported nor cancelled.
    past: set[tuple[str, str]]


def _moment(value: date | datetime) -> datetime:
    """An aware datetime; an all-day date starts at midnight in Amsterdam."""
    if isinstance(value, datetime):
        if value.tzinfo is None:  # "floating" time: the partner's wall clock
            return value.replace(tzinfo=AMSTERDAM)
        return value
    return datetime.combine(value, time(0), tzinfo=AMSTERDAM)


def _rule_text(component, starts_at: datetime) -> str:
    rule = component.get("RRULE")
    if rule is None:
        return ""
    if isinstance(rule, list):
        raise EventUnreadable(gettext_noop("it has more than one RRULE"))
    rule = icalendar.vRecur(rule)
    until = rule.get("UNTIL")
    if until:
        # dateutil wants UNTIL in UTC when the start has a zone; an all-day
        # series often gives a bare date, meaning "up to and including that day".
        last = until[0]
        if not isinstance(last, datetime):
            last = datetime.combine(last, time(23, 59, 59), tzinfo=AMSTERDAM)
        elif last.tzinfo is None:
            last = last.replace(tzinfo=AMSTERDAM)
        rule["UNTIL"] = [last.astimezone(UTC)]
    text = rule.to_ical().decode()
    validate_rule(text, starts_at)
    return text


def _dates(component, name: str) -> set[datetime]:
    values = component.get(name)
    if values is None:
        return set()
    found = set()
    for item in values if isinstance(values, list) else [values]:
        for value in item.dts:
            found.add(_moment(value.dt).astimezone(AMSTERDAM))
    return found


def _text(component, name: str) -> str:
    value = component.get(name)
    return str(value).strip() if value is not None else ""


def _read_event(component) -> FeedEvent:
    uid = _text(component, "UID")
    if not uid:
        raise EventUnreadable(gettext_noop("it has no UID, so a later run could not find it again"))
    start = component.get("DTSTART")
    if start is None:
        raise EventUnreadable(gettext_noop("it has no start (DTSTART)"))
    try:
        starts_at = _moment(start.dt).astimezone(AMSTERDAM)
    except (ValueError, TypeError, AttributeError):
        raw = start.to_ical().decode(errors="replace")
        raise EventUnreadable(
            gettext_noop("its start (DTSTART) is not a date or time: '%(value)s'"), value=raw
        ) from None
    ends_at = None
    if component.get("DTEND") is not None:
        ends_at = _moment(component["DTEND"].dt).astimezone(AMSTERDAM)
    elif component.get("DURATION") is not None:
        ends_at = starts_at + component["DURATION"].dt
    elif not isinstance(start.dt, datetime):
        ends_at = starts_at + timedelta(days=1)
    if ends_at is not None and ends_at <= starts_at:
        ends_at = None
    recurrence_id = ""
    if component.get("RECURRENCE-ID") is not None:
        original = _moment(component["RECURRENCE-ID"].dt).astimezone(AMSTERDAM)
        recurrence_id = original.isoformat()
    title = " ".join(_text(component, "SUMMARY").split())
    if not title:
        raise EventUnreadable(gettext_noop("it has no title (SUMMARY)"))
    return FeedEvent(
        uid=uid,
        recurrence_id=recurrence_id,
        title=title[:255],
        description=plain_text(_text(component, "DESCRIPTION")),
        location=" ".join(_text(component, "LOCATION").split()),
        starts_at=starts_at,
        ends_at=ends_at,
        rule="" if recurrence_id else _rule_text(component, starts_at),
        skipped=_dates(component, "EXDATE"),
        cancelled=_text(component, "STATUS").upper() == "CANCELLED",
    )


def _is_past(event: FeedEvent, cutoff: datetime) -> bool:
    upcoming = occurrences(
        event.starts_at,
        event.ends_at,
        event.rule,
        after=cutoff,
        limit=1,
        excluded=event.skipped,
    )
    return next(upcoming, None) is None


def _components(body: bytes) -> Iterable:
    try:
        calendars = icalendar.Calendar.from_ical(body, multiple=True)
    except ValueError as error:
        raise NotACalendar(
            gettext_noop("the address does not give an iCalendar (.ics) file: %(error)s"),
            error=str(error),
        ) from None
    if not calendars or calendars[0].name != "VCALENDAR":
        raise NotACalendar(gettext_noop("the address does not give an iCalendar (.ics) file"))
    for calendar in calendars:
        yield from calendar.walk("VEVENT")


def parse_feed(body: bytes, *, cutoff: datetime) -> ParsedFeed:
    """The feed's events; those that ended before ``cutoff`` are only listed as past."""
    if not body.lstrip().upper().startswith(b"BEGIN:VCALENDAR"):
        raise NotACalendar(gettext_noop("the address does not give an iCalendar (.ics) file"))
    events: dict[tuple[str, str], FeedEvent] = {}
    problems: list[EventProblem] = []
    for component in _components(body):
        try:
            event = _read_event(component)
        except (ValueError, TypeError, KeyError, AttributeError) as error:
            # A library's own words (a broken RRULE) are passed on as they are.
            reason = error.reason if isinstance(error, ImportProblem) else as_is(str(error))
            problems.append(
                EventProblem(_text(component, "UID"), _text(component, "SUMMARY"), reason)
            )
            continue
        events[event.key] = event
    # A date moved or cancelled with RECURRENCE-ID is taken out of its series;
    # a moved date lives on as its own one-off event.
    for event in list(events.values()):
        if not event.recurrence_id:
            continue
        series = events.get((event.uid, ""))
        if series is not None:
            series.skipped.add(datetime.fromisoformat(event.recurrence_id))
        if event.cancelled:
            del events[event.key]
    past = {key for key, event in events.items() if _is_past(event, cutoff)}
    current = [event for key, event in events.items() if key not in past]
    return ParsedFeed(events=current, problems=problems, past=past)
