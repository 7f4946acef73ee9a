"""Text a stranger typed into a public form: bidi controls removed, control characters refused.

One rule for every free text of an anonymous submission (a question, a
sign-up's name, a buddy's contact, a "Was this clear?" remark), so that no
form stores what the others refuse (issue #21, point 4). Why one is removed
and the other refused: see ``cms.bounded_input.clean_text``.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .bounded_input import BoundedInputError, clean_text


def without_control_characters(value: str) -> str:
    """``value`` without bidi controls; ``ValidationError`` for control characters (NUL, ...)."""
    try:
        return clean_text(value)
    except BoundedInputError:
        raise ValidationError(
            _("Remove the control characters (such as NUL) from this text."),
            code="control_characters",
        ) from None
