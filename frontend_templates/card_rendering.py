"""The activity card, written out in Python rather than through a template include.

A list page shows 20 cards, the home page 8; each was an ``{% include %}`` of
``includes/activity_card.html`` with a dozen tags and filters, and those
includes were two fifths of the activity list's time (bench: site: activity
list). ``activity_cards`` writes the very bytes that template wrote, with the
same functions behind its tags and filters and Django's own escaping
(``format_html``); ``tests/frontend/test_site_pages_fast.py`` renders both
and compares them byte for byte. What no library does: Django's templates are
the slow path itself, and Jinja2, the fast engine, escapes quotes differently
(``&#34;`` for ``&quot;``) and would be a second engine for one fragment.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from functools import lru_cache
from typing import Any

from django.template.defaultfilters import floatformat
from django.utils import timezone
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import template_localtime
from django.utils.translation import get_language, gettext

from cms import dates
from cms.public_urls import public_path
from cms.translation.fallback import translated_value
from cms.translation.languages import native_name

from .fallback_notes import fallback_note, lang_attr
from .languages import active_language

CARD = (
    '\n<li class="card">\n<h3><a href="{}"{}>{}</a></h3>\n{}\n'
    '<p class="when">{}</p>\n<p class="meta">{}</p>\n<p class="tags">{}</p>\n</li>\n'
)


def activity_cards(cards: Iterable[Any]) -> SafeString:
    """Every card of ``cards`` (``public.activities.cards``), as ``activity_card.html``."""
    language = active_language()
    return mark_safe("".join(_card(card, language) for card in cards))


def _card(card: Any, language: str) -> str:
    title = translated_value(card, "title", language)
    category = translated_value(card.category, "name", language)
    return format_html(
        CARD,
        public_path("activity", card.slug, language),
        lang_attr(title),
        title.text,
        fallback_note(title, inline=True),
        _when(card),
        _meta(card, category.text),
        _tags(card),
    )


def _when(card: Any) -> SafeString:
    return _when_for(
        card.next_starts_at,
        bool(card.recurrence),
        get_language(),
        timezone.get_current_timezone_name(),
    )


# The same activities' next dates recur on every list and home page: each written once per
# process, language and time zone (the key holds all the function reads).
@lru_cache(maxsize=4096)
def _when_for(starts: datetime | None, recurring: bool, language: str, zone: str) -> SafeString:
    """When a card's activity is next on, in the active ``language`` and time ``zone``."""
    if not starts:
        return conditional_escape(gettext("No upcoming dates."))
    shown = format_html(
        '<time datetime="{}">{}, {}</time>',
        template_localtime(starts).isoformat(),  # the template's ``|date:'c'``
        dates.weekday_day(starts, dates.active_language(), with_year=False),
        dates.clock(starts, dates.active_language()),
    )
    if recurring:
        return format_html("{} · {}", shown, gettext("repeats"))
    return shown


def _meta(card: Any, category: str | None) -> SafeString:
    parts = [conditional_escape(category)]
    if card.location_name:
        parts.append(format_html(" · {}", card.location_name))
    if card.distance_km is not None:
        parts.append(format_html(" · {} km", floatformat(card.distance_km, 1)))
    return mark_safe("".join(parts))


def _tags(card: Any) -> SafeString:
    return _tags_for(
        get_language(),
        bool(card.is_free),
        bool(card.team_sport),
        tuple(card.languages_offered or ()),
    )


# A handful of combinations recur on every card: written once per process and language.
@lru_cache(maxsize=1024)
def _tags_for(language: str, free: bool, team: bool, languages: tuple[str, ...]) -> SafeString:
    """The tags of a card; ``language`` is the active one, which ``gettext`` speaks."""
    parts = []
    if free:
        parts.append(format_html('<span class="tag free">{}</span>', gettext("Free")))
    if team:
        parts.append(format_html('<span class="tag team">{}</span>', gettext("Mixed team")))
    for code in languages:
        parts.append(format_html('<span class="tag" lang="{}">{}</span>', code, native_name(code)))
    return mark_safe("".join(parts))


__all__ = ["activity_cards"]
