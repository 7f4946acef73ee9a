"""One error shape for every failed API request: ``{"error": {code, message, field}}``.

DRF's exception handler covers what an API view raises (bad parameters,
unknown slugs, wrong methods); ``not_found`` answers addresses that match no
route. The middleware turns every other error page under /api/ (an unexpected
exception, which Django logs as usual; a refused host) into the shape.
"""

from __future__ import annotations

from collections.abc import Callable
from http import HTTPStatus
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from rest_framework import exceptions, status
from rest_framework.response import Response

from public.guard import Refused

from .routing import API_PREFIX


def error_body(code: str, message: str, field: str | None = None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "field": field}}


class InvalidParameter(exceptions.APIException):
    """A query parameter the API cannot use; names the parameter."""

    status_code = status.HTTP_400_BAD_REQUEST
    default_code = "invalid_parameter"

    def __init__(self, field: str, message: str, code: str = "invalid_parameter"):
        super().__init__(detail=message, code=code)
        self.field = field


def _first_problem(detail: Any, field: str | None = None) -> tuple[str | None, Any]:
    """The first (field, message) of a possibly nested DRF validation error."""
    if isinstance(detail, dict):
        key, value = next(iter(detail.items()))
        if key == "non_field_errors":
            key = field
        elif field:
            key = f"{field}.{key}"
        return _first_problem(value, key)
    if isinstance(detail, list) and detail:
        return _first_problem(detail[0], field)
    return field, detail


def exception_handler(exc: Exception, context: dict) -> Response | None:
    """DRF ``EXCEPTION_HANDLER``: API exceptions in the error shape.

    Returns None for anything else: it propagates, Django logs it and renders
    its 500 page, which the middleware turns into the error shape.
    """
    if isinstance(exc, Refused):
        # The guard of the anonymous submissions: one refusal type for every step.
        headers = {"Retry-After": str(exc.retry_after)} if exc.retry_after else {}
        body = error_body(exc.code, exc.message, exc.field)
        return Response(body, status=exc.status, headers=headers)
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    if not isinstance(exc, exceptions.APIException):
        return None

    field = getattr(exc, "field", None)
    if isinstance(exc, exceptions.ValidationError):
        field, detail = _first_problem(exc.detail)
        code = "invalid_parameter"
    else:
        detail = exc.detail
        code = getattr(detail, "code", None) or exc.default_code
    return Response(error_body(code, str(detail), field), status=exc.status_code)


# Codes for errors that Django answers without an API view.
STATUS_CODES = {
    400: "bad_request",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    500: "server_error",
}


def _status_error(status_code: int) -> JsonResponse:
    try:
        message = HTTPStatus(status_code).phrase
    except ValueError:
        message = "Error"
    code = STATUS_CODES.get(status_code, f"http_{status_code}")
    return JsonResponse(error_body(code, f"{message}.", None), status=status_code)


@csrf_exempt
def not_found(request: HttpRequest, *args: Any, **kwargs: Any) -> JsonResponse:
    """Every address under /api/ that no route matches, with or without a slash."""
    return _status_error(404)


class ApiErrorMiddleware:
    """Under ``/api/``, turns any 4xx or 5xx page that is not JSON into the error shape."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not request.path_info.startswith(API_PREFIX) or response.status_code < 400:
            return response
        if response.get("Content-Type", "").startswith("application/json"):
            return response
        replacement = _status_error(response.status_code)
        for header in ("Allow", "Vary"):
            if response.has_header(header):
                replacement[header] = response[header]
        return replacement
