"""Spam protection for the anonymous forms, without third-party services.

Two checks a person passes without noticing:

- a **honeypot** field (``website``), hidden from people by the form and
  named to tempt bots: any value in it refuses the submission;
- a **minimum fill time**: a form carries a signed token with the time it was
  handed out (``form_token``, from the GET that shows the form); an answer
  sent back sooner than ``FORM_MIN_FILL_SECONDS`` later, or with a token
  older than ``FORM_TOKEN_MAX_AGE_SECONDS``, is refused.

The token holds only the time and the form's name: nothing about the person.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core import signing

HONEYPOT_FIELD = "website"
_SALT = "wegwijs.api.spam.form-token"


class SpamRefused(Exception):
    """A submission the spam checks refuse; ``field`` names the field that gave it away."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


def issue_form_token(form: str, now: float | None = None) -> str:
    """A signed token saying: form ``form`` was handed out at ``now``."""
    issued = time.time() if now is None else now
    return signing.dumps({"form": form, "at": round(issued, 3)}, salt=_SALT, compress=True)


def check_submission(
    form: str, token: str | None, honeypot: str | None, now: float | None = None
) -> None:
    """Raise ``SpamRefused`` unless the submission looks like a person's."""
    if honeypot:
        raise SpamRefused(HONEYPOT_FIELD, "This field must be left empty.")
    if not token:
        raise SpamRefused("form_token", "Missing form token: ask for the form first.")
    try:
        data = signing.loads(token, salt=_SALT)
    except signing.BadSignature:
        raise SpamRefused("form_token", "Invalid form token: ask for the form again.") from None
    if not isinstance(data, dict) or data.get("form") != form:
        raise SpamRefused("form_token", "This form token belongs to another form.")
    elapsed = (time.time() if now is None else now) - float(data.get("at", 0))
    if elapsed < settings.FORM_MIN_FILL_SECONDS:
        raise SpamRefused(
            "form_token", "Sent too quickly after the form was opened; please try again."
        )
    if elapsed > settings.FORM_TOKEN_MAX_AGE_SECONDS:
        raise SpamRefused("form_token", "The form has expired: open it again.")
