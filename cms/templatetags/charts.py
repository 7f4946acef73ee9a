"""``{% load charts %}``: the policy plan's progress and a survey question's answers as SVG bars."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from ..charts import Bar, bar_chart
from ..translation.fallback import translated_value

register = template.Library()


@register.simple_tag
def plan_progress_chart(plan: Any) -> SafeString:
    """One bar per building block with actions: its rolled-up progress in percent."""
    language = get_language()
    bars = []
    for entry in plan.blocks:
        if entry.progress is None:
            continue
        name = translated_value(entry.block, "name", language)
        shown_in = name.language if name.language != language else ""
        bars.append(Bar(str(name.text), entry.progress, f"{entry.progress}%", shown_in))
    return bar_chart(bars, 100)


@register.simple_tag
def answers_chart(result: Any) -> SafeString:
    """One bar per answer of a survey question: how many chose it."""
    rows = list(result.rows)
    return bar_chart(
        [Bar(str(row.label), row.total, str(row.total)) for row in rows],
        max((row.total for row in rows), default=0),
    )
