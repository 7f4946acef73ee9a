"""One way to reach a person: a method (e-mail, phone, WhatsApp) and a value, checked once.

The contact point's question form, the sign-up form and the buddy forms all
ask for it; they share this check so that a number or an address accepted by
one is accepted, and stored the same way, by all of them.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from .models import ContactMethod

CONTACT_MAX_LENGTH = 200
# E.164 allows at most 15 digits; fewer than 8 is no number anyone can call.
PHONE_DIGITS = (8, 15)
PHONE_SEPARATORS = re.compile(r"[\s\-().]")


def normalised_phone(value: str) -> str:
    """``+48 (600) 123-456`` → ``+48600123456``; raises ValidationError if it is no number."""
    compact = PHONE_SEPARATORS.sub("", value)
    digits = compact[1:] if compact.startswith("+") else compact
    # ASCII digits: "²".isdigit() is true too, and no phone dials a superscript.
    if not (digits.isascii() and digits.isdigit()) or not (
        PHONE_DIGITS[0] <= len(digits) <= PHONE_DIGITS[1]
    ):
        raise ValidationError(_("This is not a phone number we can call."), code="invalid")
    return compact


def checked_contact(method: str, value: str) -> str:
    """``value`` checked and normalised for ``method``; raises ValidationError.

    E-mail addresses are lowercased (mail providers ignore case, and one person
    should not count as two), phone and WhatsApp numbers lose their separators.
    """
    value = value.strip()
    if not value:
        raise ValidationError(_("Fill in your e-mail address or phone number."), code="required")
    if method == ContactMethod.EMAIL:
        try:
            validate_email(value)
        except ValidationError:
            raise ValidationError(_("This is not an e-mail address."), code="invalid") from None
        return value.lower()
    return normalised_phone(value)
