"""Date filters of the public site: each date as the visitor's language writes it.

``{% load dates %}`` then ``{{ value|day }}`` ("5 stycznia 2027"),
``{{ value|weekday_day }}`` ("wtorek, 5 stycznia 2027"),
``{{ value|weekday_day:"without_year" }}`` ("wtorek, 5 stycznia"),
``{{ value|clock }}`` ("19:30") and ``{{ activity|every_week }}`` ("w każdy
wtorek"). The patterns come from ``cms.dates``, so e-mails and posters write
dates the same way.
"""

from __future__ import annotations

from datetime import date, datetime

from django import template

from cms import dates
from cms.recurrence_sentence import weekly_phrase

register = template.Library()


@register.filter
def day(value: date | datetime | None) -> str:
    """A date with its month in words, in the active language."""
    return dates.day(value, dates.active_language()) if value else ""


@register.filter
def weekday_day(value: date | datetime | None, variant: str = "") -> str:
    """A date with its weekday; ``"without_year"`` leaves the year out."""
    if not value:
        return ""
    return dates.weekday_day(value, dates.active_language(), with_year=variant != "without_year")


@register.filter
def clock(value: datetime | None) -> str:
    """A time of day in the active language's own way."""
    return dates.clock(value, dates.active_language()) if value else ""


@register.filter
def every_week(activity) -> str:
    """ "every Tuesday" for an activity that repeats weekly, in the active language; else ""."""
    return weekly_phrase(activity.recurrence, activity.starts_at)
