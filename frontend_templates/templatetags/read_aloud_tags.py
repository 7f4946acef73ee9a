"""``{% page_audio page as audio %}``: a guide's or an activity's recording for the visitor's
language."""

from __future__ import annotations

from django import template

from cms.read_aloud.recordings import Audio, audio_for

from ..languages import active_language

register = template.Library()


@register.simple_tag
def page_audio(page) -> Audio | None:
    return audio_for(page, active_language())
