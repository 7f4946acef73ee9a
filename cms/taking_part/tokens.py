"""The secret in a sign-up's cancel link: no account, yet only the person can cancel.

The link carries a random secret; the database keeps only its SHA-256, so a
copy of the database (a backup, say) cannot be used to cancel anyone.
"""

from __future__ import annotations

import hashlib
import secrets

TOKEN_BYTES = 24


def new_cancel_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


# The site's cancel page, under the language prefix: /pl/afmelden/<token>/.
CANCEL_SECTION = "afmelden"


def cancel_path(token: str, language: str) -> str:
    return f"/{language}/{CANCEL_SECTION}/{token}/"
