"""Bar charts as plain SVG, drawn on the server: no JavaScript, a few hundred bytes each.

People who would rather look than read get the picture; screen readers skip it
(``aria-hidden``) and read the table of the same numbers that always goes with
it. Labels are escaped here, since the SVG is put into the page as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WIDTH = 600
LABEL_WIDTH = 230
VALUE_WIDTH = 60
ROW_HEIGHT = 26
BAR_HEIGHT = 16
LABEL_CHARACTERS = 32


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    shown: str  # the value as the chart prints it, e.g. "40%" or "12"
    language: str = ""  # the label's language when it differs from the page's


def _label(bar: Bar, baseline: int) -> str:
    text = bar.label
    if len(text) > LABEL_CHARACTERS:
        text = text[: LABEL_CHARACTERS - 1] + "…"
    lang = f' lang="{escape(bar.language)}"' if bar.language else ""
    return (
        f'<text x="{LABEL_WIDTH - 8}" y="{baseline}" text-anchor="end"{lang}>{escape(text)}</text>'
    )


def bar_chart(bars: Sequence[Bar], maximum: float, colour: str | None = None) -> SafeString:
    """Horizontal bars, one row per ``Bar``, scaled to ``maximum``; empty string without bars."""
    if not bars:
        return mark_safe("")
    colour = escape(colour or settings.MUNICIPALITY_COLOUR)
    span = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    height = ROW_HEIGHT * len(bars) + 4
    rows = []
    for index, bar in enumerate(bars):
        top = index * ROW_HEIGHT + 4
        length = round(span * max(bar.value, 0) / maximum) if maximum else 0
        baseline = top + BAR_HEIGHT - 3
        rows.append(
            _label(bar, baseline)
            + f'<rect x="{LABEL_WIDTH}" y="{top}" width="{span}" height="{BAR_HEIGHT}" '
            'fill="#eee"/>'
            + f'<rect x="{LABEL_WIDTH}" y="{top}" width="{length}" height="{BAR_HEIGHT}" '
            f'fill="{colour}"/>'
            + f'<text x="{LABEL_WIDTH + span + 6}" y="{baseline}">{escape(bar.shown)}</text>'
        )
    return mark_safe(
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" aria-hidden="true" focusable="false" '
        f'font-family="sans-serif" font-size="13">{"".join(rows)}</svg>'
    )
