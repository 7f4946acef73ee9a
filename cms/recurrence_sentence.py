"""A weekly activity said in a sentence, in the visitor's language: "w każdy wtorek".

The activity page lists the next dates; a weekly training is easier to keep
in mind as "every Tuesday". Each language puts the weekday in the case its
phrase needs (Polish "w każdą środę", Hungarian "minden kedden", Czech
"každé úterý"), which CLDR's weekday names (nominative only) cannot give, so
each phrase is a message of its own in the catalogs. Only the plain shape gets
a sentence (every week, on one or more weekdays); every other rule keeps the
list of dates alone.
"""

from __future__ import annotations

from datetime import datetime

from babel.lists import format_list
from django.utils.translation import get_language, to_locale
from django.utils.translation import gettext as _

from .recurrence_words import from_rule


def _every(weekday: int) -> str:
    return (
        _("every Monday"),
        _("every Tuesday"),
        _("every Wednesday"),
        _("every Thursday"),
        _("every Friday"),
        _("every Saturday"),
        _("every Sunday"),
    )[weekday]


def weekly_phrase(rule: str, starts_at: datetime | None) -> str:
    """ "every Tuesday" (and "every Tuesday and every Thursday"), or "" for any other rule."""
    if not rule or starts_at is None:
        return ""
    shown = from_rule(rule, starts_at)
    if shown is None or shown.frequency != "weekly" or shown.interval != 1 or not shown.weekdays:
        return ""
    phrases = [_every(day) for day in sorted(shown.weekdays)]
    return format_list(phrases, locale=to_locale(get_language() or "nl"))
