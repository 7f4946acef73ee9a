"""The secrets in the links we e-mail (invitations, e-mail address changes).

A link carries a random 256-bit token; the database keeps only its SHA-256.
Whoever reads the database (a backup, a replica, a support dump) therefore
cannot use a link that is still valid. The token is looked up by its hash,
so there is nothing to compare in non-constant time.
"""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def absolute_url(path: str) -> str:
    """Links in e-mails point at the configured admin address, never at a request's host."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
