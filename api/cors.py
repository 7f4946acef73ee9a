"""CORS for the public API: partner sites call it from their visitors' browsers.

A tiny middleware rather than a dependency: the API is anonymous, so there
are no credentials to guard. It reads, except for the anonymous forms (survey
answers, questions to the contact point), which partner sites post as JSON:
hence POST and Content-Type in a preflight. Which origins may use it is the
``API_CORS_ALLOWED_ORIGINS`` setting ("*" for any).
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers

API_PATH = "/api/v1/"
ALLOWED_METHODS = "GET, HEAD, POST, OPTIONS"
ALLOWED_HEADERS = "Accept, Accept-Language, Content-Type, If-None-Match, If-Modified-Since"
# Readable by the partner's script: what the answer's language is, and its version.
EXPOSED_HEADERS = "Content-Language, ETag"
PREFLIGHT_MAX_AGE = 24 * 60 * 60


def allowed_origin(origin: str) -> str | None:
    """The Access-Control-Allow-Origin value for this origin, or None if it may not read."""
    allowed = settings.API_CORS_ALLOWED_ORIGINS
    if "*" in allowed:
        return "*"
    return origin if origin in allowed else None


class CorsMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path_info.startswith(API_PATH):
            return self.get_response(request)
        origin = request.headers.get("Origin")
        allow = allowed_origin(origin) if origin else None
        preflight = (
            request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers
        )
        if allow and preflight:
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = ALLOWED_METHODS
            response["Access-Control-Allow-Headers"] = ALLOWED_HEADERS
            response["Access-Control-Max-Age"] = str(PREFLIGHT_MAX_AGE)
        else:
            response = self.get_response(request)
            if allow:
                response["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
        if allow:
            response["Access-Control-Allow-Origin"] = allow
        if "*" not in settings.API_CORS_ALLOWED_ORIGINS:
            # The answer differs per origin: shared caches must keep them apart.
            patch_vary_headers(response, ("Origin",))
        return response
