"""``{% feedback_form %}``: what the "Was this clear?" form under a page needs."""

from __future__ import annotations

from typing import Any

from django import template

from cms.feedback.forms import FORM_NAME
from cms.feedback.models import TEXT_MAX_LENGTH, FeedbackReason
from public.guard import HONEYPOT_FIELD, issue_form_token

register = template.Library()


@register.simple_tag
def feedback_form() -> dict[str, Any]:
    return {
        "token": issue_form_token(FORM_NAME),
        "honeypot": HONEYPOT_FIELD,
        "reasons": [(reason.value, reason.label) for reason in FeedbackReason],
        "max_length": TEXT_MAX_LENGTH,
    }
