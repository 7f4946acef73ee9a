"""CORS for the public API: partner sites call it from their visitors' browsers.

django-cors-headers does the work, on the API's addresses only
(``CORS_URLS_REGEX``, built from ``api.prefix``; the settings are in
``hub/settings/base.py``). The API is anonymous, so there are no credentials to
guard; it reads, except for the anonymous forms (survey answers, questions to
the contact point), which partner sites post as JSON: hence POST and
Content-Type in a preflight. Which origins may use it is the
``API_CORS_ALLOWED_ORIGINS`` environment variable ("*" for any).

What the library does not do, and this subclass keeps as the API has always
answered: a preflight is ``204 No Content`` (the library says 200 with an empty
body), and ``Vary`` names ``Origin`` as HTTP spells it (the library writes
``origin``).
"""

from __future__ import annotations

from corsheaders.middleware import CorsMiddleware
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.utils.cache import patch_vary_headers


class ApiCorsMiddleware(CorsMiddleware):
    """django-cors-headers' middleware; outside ``api.errors`` so that error answers carry CORS."""

    def check_preflight(self, request: HttpRequest) -> HttpResponseBase | None:
        response = super().check_preflight(request)
        if response is not None:
            response.status_code = 204
            del response["Content-Length"]  # a 204 has no body to measure
        return response

    def add_response_headers(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        if getattr(request, "_cors_enabled", False):
            # patch_vary_headers skips a name already there in any case.
            patch_vary_headers(response, ("Origin",))
        return super().add_response_headers(request, response)
