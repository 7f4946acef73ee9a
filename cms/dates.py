"""Dates and times as each language writes them, for the site, e-mails and posters.

Django's own formats stop short for our languages: its ``E`` gives Polish the
genitive month ("3 marca") but its ``F`` and the weekday names come in the
nominative and capitalised in some catalogs ("3 Marzec", "вторник 5 Януари"),
and every format string puts day, month and year in one order, where Hungarian
writes the year first ("2027. január 5., kedd") and Lithuanian "2027 m. sausio
5 d.". CLDR, through Babel, has each language's own patterns in the
grammatical forms a sentence needs; this module picks the pattern and leaves
the rest to Babel.

What no library does for us: Babel matches a skeleton such as "MMMMEEEEd" to
the nearest available pattern ("E, d MMMM") but does not widen its fields to
the requested width as CLDR's matching algorithm describes (so the weekday
stays abbreviated). ``_widened`` does that one step.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from functools import lru_cache

from babel import Locale
from babel.dates import format_date, format_time, match_skeleton
from django.utils import timezone
from django.utils.translation import get_language, to_locale

# A quoted literal ('de', 'd') or a run of one pattern letter.
_PATTERN_TOKEN = re.compile(r"'(?:[^']|'')*'|([A-Za-z])\1*")
# Full weekday and month names: "wtorek", "stycznia", never "wt." or "sty".
_WIDEST = {"E": "EEEE", "c": "cccc", "M": "MMMM", "L": "LLLL"}


def _widened(pattern: str) -> str:
    """The pattern with weekdays and text months written out in full (numbers kept)."""

    def widen(match: re.Match[str]) -> str:
        token = match.group(0)
        letter = match.group(1)
        if letter in ("M", "L") and len(token) < 3:
            return token  # a numeric month ("5.1.") stays numeric
        return _WIDEST.get(letter, token)

    return _PATTERN_TOKEN.sub(widen, pattern)


@lru_cache(maxsize=64)
def _weekday_day_pattern(language: str, with_year: bool) -> str:
    if with_year:
        return Locale.parse(language).date_formats["full"].pattern
    skeletons = Locale.parse(language).datetime_skeletons
    return _widened(skeletons[match_skeleton("MMMMEEEEd", skeletons)].pattern)


def _local(value: date | datetime) -> date | datetime:
    if isinstance(value, datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def active_language() -> str:
    """The active language as Babel names it ("pl", "pt_BR"), Dutch outside a request."""
    return to_locale(get_language() or "nl")


def day(value: date | datetime, language: str) -> str:
    """A date with its month in words: "5 stycznia 2027", "2027. január 5."."""
    return _formatted_date(_calendar_day(value), "long", language)


def weekday_day(value: date | datetime, language: str, *, with_year: bool = True) -> str:
    """A date with its weekday: "wtorek, 5 stycznia 2027", "2027. január 5., kedd"."""
    pattern = _weekday_day_pattern(language, with_year)
    return _formatted_date(_calendar_day(value), pattern, language)


def clock(value: datetime, language: str) -> str:
    """A time of day as the language shows it: "19:30", "7:30 PM"."""
    local = _local(value)
    return _formatted_time(time(local.hour, local.minute, local.second), language)


# A list shows the same few dates on every request and Babel takes some 10 µs a
# date; formatted once per process. The keys are local calendar days and clock
# times, which is all these patterns show (none shows a zone).
FORMATTED = 4096


def _calendar_day(value: date | datetime) -> date:
    local = _local(value)
    return local.date() if isinstance(local, datetime) else local


@lru_cache(maxsize=FORMATTED)
def _formatted_date(value: date, pattern: str, language: str) -> str:
    return format_date(value, pattern, locale=language)


@lru_cache(maxsize=FORMATTED)
def _formatted_time(value: time, language: str) -> str:
    return format_time(value, "short", locale=language)
