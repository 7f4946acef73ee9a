"""Percentages as each language writes them: "30%" in Dutch and Polish, "30 %" in Czech.

Django's ``number_format`` formats the number but not the sign's place, and a
hard-coded "%" is wrong for Czech, Slovak, Lithuanian, Romanian and Spanish,
which put a (no-break) space before it. CLDR, through Babel, knows each
language's pattern.
"""

from __future__ import annotations

from babel.numbers import format_percent
from django.utils.translation import get_language, to_locale


def percent(value: float | None, language: str | None = None) -> str:
    """``value`` (0–100) as a percentage in ``language`` (default: the active one)."""
    if value is None:
        return ""
    locale = to_locale(language or get_language() or "nl")
    return format_percent(value / 100, locale=locale)
