"""A size limit on what anonymous clients may send to the API.

The public POSTs (survey answers, questions) are a few hundred bytes of form
data. A larger body is refused before anything reads it, with 413 in the API's
error shape; the admin keeps Django's own, larger limits
(DATA_UPLOAD_MAX_MEMORY_SIZE and the image upload settings).
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse

from .errors import error_body
from .routing import API_PREFIX

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH"})


def body_too_large(limit: int) -> JsonResponse:
    message = f"The request body is larger than {limit} bytes."
    return JsonResponse(error_body("payload_too_large", message), status=413)


class ApiBodyLimitMiddleware:
    """413 for an API write whose Content-Length is over ``API_MAX_BODY_BYTES``.

    A body without Content-Length (chunked) reaches Django as empty, so the
    declared length is the one to check.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method in WRITE_METHODS and request.path_info.startswith(API_PREFIX):
            limit = settings.API_MAX_BODY_BYTES
            try:
                length = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = limit + 1  # unreadable: refuse rather than guess
            if length > limit:
                return body_too_large(limit)
        return self.get_response(request)
