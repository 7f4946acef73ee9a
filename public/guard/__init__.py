"""One guard in front of every anonymous submission, from the API and from the site.

``guarded`` runs the same steps for each: the **size** limit, the **rate**
limit per client (``limits``, by an address nobody can forge: ``clients``),
reading the submission (the presenter's own parser), the **honeypot** and the
**form token** (``tokens``), then the **record** step, in one transaction with
marking the token used. Whatever fails ends in one exception, ``Refused``,
that each presenter maps once: the API to its error JSON, the site to its page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest

from . import limits, tokens
from .clients import client_address
from .refusals import Refused
from .tokens import (
    HONEYPOT_FIELD,
    TOKEN_FIELD,
    issue_form_token,
    tokens_as_marks,
    tokens_handed_out,
    with_fresh_tokens,
)

__all__ = [
    "HONEYPOT_FIELD",
    "TOKEN_FIELD",
    "Entry",
    "Refused",
    "guarded",
    "issue_form_token",
    "tokens_as_marks",
    "tokens_handed_out",
    "with_fresh_tokens",
]

Data = TypeVar("Data")
Result = TypeVar("Result")


@dataclass(frozen=True)
class Entry(Generic[Data]):
    """A submission as its presenter read it: which form, its token and honeypot, the rest."""

    form: str
    token: str | None
    honeypot: str | None
    data: Data


def _declared_size(request: HttpRequest) -> int:
    """The body's declared length; unreadable counts as too large rather than a guess."""
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return settings.API_MAX_BODY_BYTES + 1


def guarded(
    request: HttpRequest,
    scope: str,
    read: Callable[[], Entry[Data]],
    record: Callable[[Data], Result],
) -> Result:
    """Check, then ``record`` the submission of ``request``; ``Refused`` says why not.

    ``scope`` names the rate (``PUBLIC_POST_RATES``). ``read`` parses the
    request (its own errors, such as a body that is not JSON, pass through);
    ``record`` stores the data and raises ``Refused`` for what it cannot store.
    """
    limit = settings.API_MAX_BODY_BYTES
    if _declared_size(request) > limit:
        raise Refused.too_large(limit)
    wait = limits.seconds_to_wait(scope, client_address(request))
    if wait is not None:
        raise Refused.throttled(wait)
    entry = read()
    try:
        fingerprint = tokens.check_submission(entry.form, entry.token, entry.honeypot)
        with transaction.atomic():
            tokens.claim(fingerprint)
            return record(entry.data)
    except tokens.SpamRefused as refusal:
        raise Refused.spam(refusal.field, refusal.message) from None
