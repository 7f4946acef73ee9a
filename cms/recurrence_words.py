"""Recurrence as an editor says it: "every 2 weeks on Tuesday until 30 June", "the last Sunday".

The activity stores an RFC 5545 RRULE (and the starts it skips); a volunteer
should never have to write one. ``Repetition`` is what the admin's widget
shows, ``to_rule`` writes the RRULE underneath and ``from_rule`` reads an
existing one back (``None`` when the rule says more than the widget can show:
it then stays editable as text for coordinators).

``problems`` explains in plain words what does not fit the start date, the
mistakes dateutil would otherwise report as parser text ("BYDAY=MO" with a
Tuesday start accepted without a word; an end date refused because UNTIL must
be UTC with a time-zoned start).

What no library does: python-dateutil expands and parses rules, and
``icalendar`` writes them, but neither maps a rule to the few shapes a person
chooses from nor checks that the chosen shape contains the first date.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Literal

from django.utils.translation import get_language, to_locale
from django.utils.translation import gettext as _

from .dates import weekday_day
from .recurrence import AMSTERDAM, occurrences, parse_rule

Frequency = Literal["once", "daily", "weekly", "monthly"]
MonthlyBy = Literal["date", "weekday"]

RRULE_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
LAST = -1
MAX_INTERVAL = 52


@dataclass(frozen=True)
class Repetition:
    """One of the shapes the widget offers; weekdays count from Monday = 0."""

    frequency: Frequency = "once"
    interval: int = 1
    weekdays: tuple[int, ...] = ()
    monthly_by: MonthlyBy = "date"
    until: date | None = None
    skipped: tuple[date, ...] = field(default=())


def week_of_month(day: date) -> int:
    """1-4 for the first to fourth such weekday of the month, ``LAST`` for the last one."""
    if (day + timedelta(days=7)).month != day.month:
        return LAST
    return (day.day - 1) // 7 + 1


def _local_start(starts_at: datetime) -> datetime:
    return starts_at.astimezone(AMSTERDAM)


def _until_utc(until: date) -> str:
    """The end of the end date in Amsterdam, in UTC as RFC 5545 wants with a zoned start."""
    end_of_day = datetime.combine(until, time(23, 59, 59), tzinfo=AMSTERDAM)
    return end_of_day.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def to_rule(repetition: Repetition, starts_at: datetime) -> str:
    """The RRULE for ``repetition`` anchored at ``starts_at``; "" for a one-off."""
    if repetition.frequency == "once":
        return ""
    parts = [f"FREQ={repetition.frequency.upper()}"]
    if repetition.interval > 1:
        parts.append(f"INTERVAL={repetition.interval}")
    if repetition.frequency == "weekly" and repetition.weekdays:
        parts.append("BYDAY=" + ",".join(RRULE_DAYS[d] for d in sorted(repetition.weekdays)))
    if repetition.frequency == "monthly":
        start = _local_start(starts_at).date()
        if repetition.monthly_by == "weekday":
            parts.append(f"BYDAY={week_of_month(start)}{RRULE_DAYS[start.weekday()]}")
        else:
            parts.append(f"BYMONTHDAY={start.day}")
    if repetition.until:
        parts.append(f"UNTIL={_until_utc(repetition.until)}")
    return ";".join(parts)


def _rule_parts(rule: str) -> dict[str, str] | None:
    text = rule.strip()
    if text.upper().startswith("RRULE:"):
        text = text[len("RRULE:") :]
    parts: dict[str, str] = {}
    for item in filter(None, text.upper().split(";")):
        name, sep, value = item.partition("=")
        if not sep or name in parts:
            return None
        parts[name] = value
    return parts


def _parse_until(value: str) -> date | None:
    try:
        if value.endswith("Z"):
            moment = datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
            return moment.astimezone(AMSTERDAM).date()
        return datetime.strptime(value[:8], "%Y%m%d").date()
    except ValueError:
        return None


def from_rule(rule: str, starts_at: datetime) -> Repetition | None:
    """The widget's shape of an existing rule, or None when the widget cannot show it."""
    if not rule.strip():
        return Repetition()
    parts = _rule_parts(rule)
    if parts is None:
        return None
    frequency = parts.pop("FREQ", "").lower()
    interval = parts.pop("INTERVAL", "1")
    until_text = parts.pop("UNTIL", None)
    if frequency not in ("daily", "weekly", "monthly") or not interval.isascii():
        return None
    if not interval.isdigit() or not 1 <= int(interval) <= MAX_INTERVAL:
        return None
    until = _parse_until(until_text) if until_text else None
    if until_text and until is None:
        return None
    start = _local_start(starts_at).date()
    shape = {"frequency": frequency, "interval": int(interval), "until": until}
    byday = parts.pop("BYDAY", None)
    bymonthday = parts.pop("BYMONTHDAY", None)
    if parts:  # COUNT, BYSETPOS, BYMONTH, ...: more than the widget shows
        return None
    if frequency == "daily":
        return Repetition(**shape) if byday is None and bymonthday is None else None
    if frequency == "weekly":
        if bymonthday is not None:
            return None
        days = byday.split(",") if byday else [RRULE_DAYS[start.weekday()]]
        if any(day not in RRULE_DAYS for day in days):
            return None
        return Repetition(**shape, weekdays=tuple(sorted(RRULE_DAYS.index(d) for d in days)))
    if byday is None and bymonthday in (None, str(start.day)):
        return Repetition(**shape, monthly_by="date")
    if bymonthday is None and byday == f"{week_of_month(start)}{RRULE_DAYS[start.weekday()]}":
        return Repetition(**shape, monthly_by="weekday")
    return None


def occurrence_start(day: date, starts_at: datetime) -> datetime:
    """The start on ``day`` of an activity that first starts at ``starts_at``."""
    return datetime.combine(day, _local_start(starts_at).timetz().replace(tzinfo=None)).replace(
        tzinfo=AMSTERDAM
    )


def skipped_starts(repetition: Repetition, starts_at: datetime) -> list[str]:
    """The skipped dates as the ISO starts an activity stores (``recurrence_exceptions``)."""
    return [occurrence_start(day, starts_at).isoformat() for day in sorted(repetition.skipped)]


def problems(repetition: Repetition, starts_at: datetime) -> dict[str, str]:
    """What does not fit, per widget field, in plain words (empty when all fits)."""
    found: dict[str, str] = {}
    if repetition.frequency == "once":
        return found
    start = _local_start(starts_at)
    language = to_locale(get_language() or "nl")
    if not 1 <= repetition.interval <= MAX_INTERVAL:
        found["interval"] = _("Choose a number from 1 to %(most)s.") % {"most": MAX_INTERVAL}
    if repetition.frequency == "weekly":
        if not repetition.weekdays:
            found["weekdays"] = _("Choose at least one day of the week.")
        elif start.weekday() not in repetition.weekdays:
            found["weekdays"] = _(
                "The first date, %(first)s, is not on a chosen day. Choose that day too, "
                "or change the first date."
            ) % {"first": weekday_day(start, language)}
    if repetition.until and repetition.until < start.date():
        found["until"] = _("The end date is before the first date.")
    if found or not repetition.skipped:
        return found
    rule = to_rule(replace(repetition, skipped=()), starts_at)
    for skipped in sorted(repetition.skipped):
        moment = occurrence_start(skipped, starts_at)
        hits = occurrences(starts_at, None, rule, after=moment, before=moment + timedelta(1))
        if not any(hit.starts_at == moment for hit in hits):
            found["skipped"] = _("%(day)s is not one of the dates, so it cannot be skipped.") % {
                "day": weekday_day(skipped, language)
            }
            break
    return found


def rule_problem(rule: str, starts_at: datetime) -> str | None:
    """What is wrong with a rule a coordinator wrote as text, in plain words (None: it fits).

    The same check as the widget's: the first date must be one of the rule's
    dates (dateutil would otherwise start quietly at the next Monday of a
    "BYDAY=MO" rule whose first date is a Tuesday).
    """
    if not rule.strip():
        return _("Write the rule, or choose how often the activity repeats.")
    try:
        parsed = parse_rule(rule, starts_at)
    except ValueError as error:
        if "UNTIL" in str(error):
            return _("Write the end date in UTC, ending in Z, like UNTIL=20270630T215959Z.")
        return _("This rule cannot be read. Write it like FREQ=WEEKLY;BYDAY=TU (every Tuesday).")
    start = _local_start(starts_at)
    first = parsed.after(start, inc=True)
    if first is None:
        return _("The rule gives no date from the first date on.")
    if first != start:
        return _(
            "The first date, %(first)s, is not one of the rule's dates. Change the rule or the "
            "first date."
        ) % {"first": weekday_day(start, to_locale(get_language() or "nl"))}
    return None
