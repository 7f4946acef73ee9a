"""Template helpers for the survey form: keep what a person already filled in after an error."""

from __future__ import annotations

from collections.abc import Mapping

from django import template

from cms.models.surveys import SCALE_MAX, SCALE_MIN

register = template.Library()


@register.simple_tag
def chosen(values: Mapping[str, object], question_id: int, value: object) -> bool:
    """Was ``value`` picked for the question in the form just sent back?"""
    sent = values.get(str(question_id))
    if isinstance(sent, (list, tuple)):
        return str(value) in {str(item) for item in sent}
    return sent is not None and str(sent) == str(value)


@register.simple_tag
def written(values: Mapping[str, object], question_id: int) -> str:
    sent = values.get(str(question_id))
    return sent if isinstance(sent, str) else ""


@register.simple_tag
def scale_values() -> range:
    return range(SCALE_MIN, SCALE_MAX + 1)
