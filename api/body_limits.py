"""A size limit on what anonymous clients may send to the API.

The public POSTs (survey answers, questions) are a few hundred bytes of form
data. A larger body is refused before anything reads it, with 413 in the API's
error shape; the admin keeps Django's own, larger limits
(DATA_UPLOAD_MAX_MEMORY_SIZE and the image upload settings).

A view mixin rather than a middleware, so that it holds on the API's views
only without testing paths. Django's own limit (DATA_UPLOAD_MAX_MEMORY_SIZE)
is no help here: it counts only form data, not a JSON body, and answers with a
400 page instead of the API's 413.
"""

from __future__ import annotations

from django.conf import settings
from rest_framework import exceptions, status
from rest_framework.request import Request

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH"})


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "payload_too_large"

    def __init__(self, limit: int):
        super().__init__(detail=f"The request body is larger than {limit} bytes.")


def check_body_size(request: Request, limit: int) -> None:
    """Raise ``PayloadTooLarge`` for a write whose Content-Length is over ``limit``.

    A body without Content-Length (chunked) reaches Django as empty, so the
    declared length is the one to check.
    """
    if request.method not in WRITE_METHODS:
        return
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = limit + 1  # unreadable: refuse rather than guess
    if length > limit:
        raise PayloadTooLarge(limit)


class BodyLimitMixin:
    """For DRF views: ``API_MAX_BODY_BYTES`` before the throttle, the parsers or the handler."""

    def initial(self, request: Request, *args, **kwargs) -> None:
        check_body_size(request, settings.API_MAX_BODY_BYTES)
        super().initial(request, *args, **kwargs)
