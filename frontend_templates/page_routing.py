"""Pages found by their address before Wagtail's page view walks the tree to them.

Wagtail's ``serve`` asks ``Page.route_for_request``, which keeps the route it
finds on the request and uses one already kept there. For a request that URL
resolution gave to that view, this middleware keeps the route that
``cms.page_address`` finds in one narrow query; where it finds none, Wagtail
walks as usual. A middleware rather than a view of our own in Wagtail's URL
pattern: that pattern would also catch Wagtail's ``_util/`` views listed
before it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from wagtail.views import serve

from cms.page_address import route_by_address

# What the page templates (and their structured data) read of a page's related
# rows: read with the page, which is remembered per content version, instead
# of on first use in every request (cms.page_address).
SHOWN_WITH = {
    "cms.ActivityPage": ("organiser", "category", "co_organisers"),
    "cms.GuidePage": ("author",),
}


class PageAddressMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Callable, args: tuple, kwargs: dict[str, Any]
    ) -> None:
        if view is not serve or hasattr(request, "_wagtail_route_for_request"):
            return
        path = args[0] if args else kwargs.get("path", "")
        found = route_by_address(request, path, SHOWN_WITH)
        if found is not None:
            request._wagtail_route_for_request = found
