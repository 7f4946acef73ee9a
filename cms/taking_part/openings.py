"""Whether an activity (or one of its dates) takes sign-ups now, and which dates it offers.

A date closes when it starts: a person who turns up later is welcome, but a
place promised after the start is a promise nobody reads in time. An
activity that takes sign-ups for the whole series (a course, a team) stays
open while any date is still to come.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from ..models import ActivityPage
from ..recurrence import AMSTERDAM, occurrences
from .places import takes_signups

# How many dates ahead the form offers for an activity with places per date.
OFFERED_DATES = 8


class SignupsClosed(Exception):
    """The activity takes no sign-ups, or the date (or the whole activity) is past."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


def per_date(activity: ActivityPage) -> bool:
    """Does each date have its own list (and does a sign-up have to name one)?"""
    return bool(activity.recurrence) and activity.signups_per_date


def upcoming_dates(activity: ActivityPage, now: datetime, count: int = OFFERED_DATES) -> list[date]:
    """The next dates that have not started, in Amsterdam, for the form's choice."""
    found = occurrences(
        activity.starts_at, activity.ends_at, activity.recurrence, after=now, limit=count + 1
    )
    return [o.starts_at.astimezone(AMSTERDAM).date() for o in found if o.starts_at > now][:count]


def starts_on(activity: ActivityPage, day: date) -> datetime | None:
    """When the activity starts on ``day``, or None if it does not take place that day."""
    midnight = datetime.combine(day, time.min, tzinfo=AMSTERDAM)
    for found in occurrences(
        activity.starts_at,
        activity.ends_at,
        activity.recurrence,
        after=midnight,
        before=midnight + timedelta(days=1),
    ):
        if found.starts_at.astimezone(AMSTERDAM).date() == day:
            return found.starts_at
    return None


def check_open(activity: ActivityPage, day: date | None, now: datetime) -> None:
    """Raise ``SignupsClosed`` unless a sign-up for ``day`` (per-date lists) can be taken now.

    ``day`` must already be one of the activity's dates (``SignupForm`` checks that).
    """
    if not takes_signups(activity):
        raise SignupsClosed("signups_closed", "This activity takes no sign-ups through Wegwijs.")
    if per_date(activity) and day is not None:
        starts = starts_on(activity, day)
        if starts is not None and starts <= now:
            raise SignupsClosed("occurrence_past", "This date has passed.")
        return
    if not upcoming_dates(activity, now, count=1):
        raise SignupsClosed("occurrence_past", "This activity has no dates to come.")
