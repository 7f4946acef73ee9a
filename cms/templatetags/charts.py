"""``{% load charts %}``: the policy plan's progress and a survey question's answers as SVG bars."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from ..charts import Bar, bar_chart
from ..municipalities.lookup import by_pk, for_page
from ..municipalities.registry import MunicipalityInfo
from ..numbers import percent as _percent
from ..translation.fallback import translated_value

register = template.Library()


@register.filter
def percent(value: float | None) -> str:
    """``{{ action.progress|percent }}``: "30%", or "30 %" where the language writes it so."""
    return _percent(value)


def _colour(municipality: MunicipalityInfo | None) -> str | None:
    return municipality.colour if municipality is not None else None


@register.simple_tag
def plan_progress_chart(plan: Any, page: Any = None) -> SafeString:
    """One bar per building block with actions: its rolled-up progress in percent, in the
    colour of the municipality whose plan ``page`` is."""
    language = get_language()
    bars = []
    for entry in plan.blocks:
        if entry.progress is None:
            continue
        name = translated_value(entry.block, "name", language)
        shown_in = name.language if name.language != language else ""
        bars.append(Bar(str(name.text), entry.progress, _percent(entry.progress), shown_in))
    return bar_chart(bars, 100, _colour(for_page(page.path)) if page is not None else None)


@register.simple_tag
def answers_chart(result: Any, survey: Any = None) -> SafeString:
    """One bar per answer of a survey question: how many chose it, in the colour of the
    survey's municipality."""
    rows = list(result.rows)
    owner = by_pk(survey.municipality_id) if survey is not None else None
    return bar_chart(
        [Bar(str(row.label), row.total, str(row.total)) for row in rows],
        max((row.total for row in rows), default=0),
        _colour(owner),
    )
