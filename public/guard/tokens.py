"""Spam protection for the anonymous forms, without third-party services.

Three checks a person passes without noticing:

- a **honeypot** field (``website``), hidden from people by the form and
  named to tempt bots: any value in it refuses the submission;
- a **minimum fill time**: a form carries a signed token with the time it was
  handed out (``form_token``, from the GET that shows the form); an answer
  sent back sooner than ``FORM_MIN_FILL_SECONDS`` later, or with a token
  older than ``FORM_TOKEN_MAX_AGE_SECONDS``, is refused;
- **one submission per token**: a token that was used for an accepted
  submission is refused the next time (``claim``). The claim is a hash of the
  token's random id in the shared cache (the database), so every app server
  sees it, and it expires when the token would have expired anyway.

The token holds only the time, a random id and the form's name: nothing about
the person.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core import signing
from django.core.cache import cache

HONEYPOT_FIELD = "website"
TOKEN_FIELD = "form_token"
# Unchanged since the tokens lived in api/spam.py: forms open during a deploy still verify.
_SALT = "wegwijs.api.spam.form-token"
# A claim outlives its token by this much, so that clocks a little apart agree.
CLAIM_MARGIN_SECONDS = 60


class SpamRefused(Exception):
    """A submission the spam checks refuse; ``field`` names the field that gave it away."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


# How many tokens were handed out in this thread or task so far. A page that
# carries one is one visitor's: the response cache (hub.response_cache) compares
# the count before and after a request and keeps no such page.
_handed_out: ContextVar[int] = ContextVar("wegwijs_form_tokens_handed_out", default=0)


def tokens_handed_out() -> int:
    """A count that grows with every ``issue_form_token`` in this context."""
    return _handed_out.get()


# Inside ``tokens_as_marks``: the tokens a page asks for, as (mark, form), in order.
_marks: ContextVar[list[tuple[str, str]] | None] = ContextVar("wegwijs_form_marks", default=None)


@contextmanager
def tokens_as_marks() -> Iterator[list[tuple[str, str]]]:
    """Inside: ``issue_form_token`` writes a mark where a token goes, and lists it.

    So that a page with a form can be stored once and served to many
    (hub.response_cache): each answer gets fresh tokens in place of the marks
    (``with_fresh_tokens``). A mark is the same on every app server (from the
    secret key: no editor can type one by chance) and in every rendering of the
    same page, so an unchanged page is stored once. Base64 letters and digits
    only: nothing escapes it in HTML or JSON, as nothing escapes a token.
    """
    marks: list[tuple[str, str]] = []
    handle = _marks.set(marks)
    try:
        yield marks
    finally:
        _marks.reset(handle)


def _mark(number: int) -> str:
    seed = hmac.new(settings.SECRET_KEY.encode(), b"wegwijs.form-token-mark", hashlib.sha256)
    return f"formtokenmark{seed.hexdigest()[:24]}n{number}x"


def with_fresh_tokens(content: bytes, marks: Iterable[tuple[str, str]]) -> bytes:
    """``content`` with a new token for its form wherever each mark stands."""
    for mark, form in marks:
        content = content.replace(mark.encode(), issue_form_token(form).encode())
    return content


def issue_form_token(form: str, now: float | None = None) -> str:
    """A signed token saying: form ``form`` was handed out at ``now`` (with a random id);
    inside ``tokens_as_marks``, a mark to put a token in later."""
    marks = _marks.get()
    if marks is not None:
        mark = _mark(len(marks))
        marks.append((mark, form))
        return mark
    _handed_out.set(_handed_out.get() + 1)
    issued = time.time() if now is None else now
    payload = {"form": form, "at": round(issued, 3), "id": secrets.token_urlsafe(12)}
    return signing.dumps(payload, salt=_SALT, compress=True)


def check_submission(
    form: str, token: str | None, honeypot: str | None, now: float | None = None
) -> str:
    """Raise ``SpamRefused`` unless the submission looks like a person's.

    Returns the token's fingerprint, for ``claim``.
    """
    if honeypot:
        raise SpamRefused(HONEYPOT_FIELD, "This field must be left empty.")
    if not token:
        raise SpamRefused(TOKEN_FIELD, "Missing form token: ask for the form first.")
    try:
        data = signing.loads(token, salt=_SALT)
    except signing.BadSignature:
        raise SpamRefused(TOKEN_FIELD, "Invalid form token: ask for the form again.") from None
    if not isinstance(data, dict) or data.get("form") != form:
        raise SpamRefused(TOKEN_FIELD, "This form token belongs to another form.")
    elapsed = (time.time() if now is None else now) - float(data.get("at", 0))
    if elapsed < settings.FORM_MIN_FILL_SECONDS:
        raise SpamRefused(
            TOKEN_FIELD, "Sent too quickly after the form was opened; please try again."
        )
    if elapsed > settings.FORM_TOKEN_MAX_AGE_SECONDS:
        raise SpamRefused(TOKEN_FIELD, "The form has expired: open it again.")
    # The decoded payload, not the token's text: the same payload signed and
    # encoded another way is the same token.
    identity = f"{data.get('form')}|{data.get('at')}|{data.get('id', '')}"
    return hashlib.sha256(identity.encode()).hexdigest()


def claim(fingerprint: str) -> None:
    """Mark the token used; ``SpamRefused`` if it was used before.

    ``cache.add`` writes only a missing key, and the database cache's primary
    key makes two app servers that claim the same token at once disagree: one
    wins. Run it in the transaction that stores the submission, so that a
    submission that is then refused (an invalid answer) leaves its token unused.
    """
    timeout = settings.FORM_TOKEN_MAX_AGE_SECONDS + CLAIM_MARGIN_SECONDS
    if not cache.add(f"wegwijs:form-token:{fingerprint}", True, timeout):
        raise SpamRefused(
            TOKEN_FIELD, "This form was already sent once: open it again to send another."
        )
