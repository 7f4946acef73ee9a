"""Percentages as each language writes them: "30%" in Dutch and Polish, "30 %" in Czech.

Django's ``number_format`` formats the number but not the sign's place, and a
hard-coded "%" is wrong for Czech, Slovak, Lithuanian, Romanian and Spanish,
which put a (no-break) space before it. CLDR, through Babel, knows each
language's pattern.
"""

from __future__ import annotations

from functools import lru_cache

from babel.numbers import format_percent
from django.utils.translation import get_language, to_locale


def percent(value: float | None, language: str | None = None) -> str:
    """``value`` (0–100) as a percentage in ``language`` (default: the active one)."""
    if value is None:
        return ""
    return _formatted(value, to_locale(language or get_language() or "nl"))


# A plan page shows some fifty percentages, the same on every request: formatted once.
@lru_cache(maxsize=4096)
def _formatted(value: float, locale: str) -> str:
    return format_percent(value / 100, locale=locale)
