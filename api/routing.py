"""Keeping the site's language redirects away from API answers.

The site serves its pages under a language prefix (``i18n_patterns``), so
Django's LocaleMiddleware answers a 404 by redirecting to ``/nl`` + the path
when a page could live there. Right for a page, wrong for an API client, which
must get its JSON 404. LocaleMiddleware decides from ``request.urlconf`` on
the way out, so an API answer leaves with a URLconf that holds only the API.

It is set after the view, not before: during the request the site's URLconf
stays in force, so whatever runs then (the admin's two-factor check, say) can
still reverse the site's addresses.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from .prefix import API_PATH

API_URLCONF = "api.root_urls"


class ApiRoutingMiddleware:
    """Must come after LocaleMiddleware in MIDDLEWARE (so that it runs inside it)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.path_info.startswith(API_PATH):
            request.urlconf = API_URLCONF
        return response
