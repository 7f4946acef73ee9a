"""The one way a guarded submission is refused: ``Refused``, with everything a presenter shows.

Every step of the guard, and the record step's own checks, end in this one
exception; the API turns it into its error JSON (``api.errors``), the site
into its form's message. Messages are in English, for the API; the site shows
its own translated sentence per ``code``.
"""

from __future__ import annotations

from http import HTTPStatus


class Refused(Exception):
    """A submission that was not stored: HTTP status, error code, message, the field at fault."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        field: str | None = None,
        retry_after: int | None = None,
    ):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.field = field
        self.retry_after = retry_after

    @classmethod
    def too_large(cls, limit: int) -> Refused:
        message = f"The request body is larger than {limit} bytes."
        return cls(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "payload_too_large", message)

    @classmethod
    def throttled(cls, wait: int) -> Refused:
        unit = "second" if wait == 1 else "seconds"
        message = f"Request was throttled. Expected available in {wait} {unit}."
        return cls(HTTPStatus.TOO_MANY_REQUESTS, "throttled", message, retry_after=wait)

    @classmethod
    def spam(cls, field: str, message: str) -> Refused:
        """The honeypot was filled in, or the form token is missing, stale, too fresh or used."""
        return cls(HTTPStatus.BAD_REQUEST, "refused", message, field)

    @classmethod
    def invalid(cls, field: str, message: str, code: str = "invalid_parameter") -> Refused:
        return cls(HTTPStatus.BAD_REQUEST, code, message, field)

    @classmethod
    def conflict(cls, code: str, message: str) -> Refused:
        """The target no longer takes submissions (a closed survey)."""
        return cls(HTTPStatus.CONFLICT, code, message)
