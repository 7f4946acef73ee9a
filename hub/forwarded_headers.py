"""X-Forwarded-* headers count only when a proxy of ours sent the request.

Behind a balancer, Django is told to read the scheme, host and port from
``X-Forwarded-Proto/Host/Port`` (``hub.settings.production``), and the client's
address from ``X-Forwarded-For`` (``public.guard.clients``). Those settings
apply to every request, whoever sent it: a client that reaches an app server
directly could then claim HTTPS (no redirect, "secure" cookies over plain
HTTP), another host for the links Django builds, or any address for the rate
limits and the login lockout. Here, before any other middleware reads them,
the headers are dropped unless the request comes straight from one of
``TRUSTED_PROXIES``.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from public.guard.clients import from_trusted_proxy

# The de-facto headers and RFC 7239's ``Forwarded``, which nothing here reads
# today but a library added later might.
FORWARDED_HEADERS = (
    "HTTP_X_FORWARDED_FOR",
    "HTTP_X_FORWARDED_PROTO",
    "HTTP_X_FORWARDED_HOST",
    "HTTP_X_FORWARDED_PORT",
    "HTTP_FORWARDED",
)


class UntrustedForwardedHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not from_trusted_proxy(request):
            for name in FORWARDED_HEADERS:
                request.META.pop(name, None)
        return self.get_response(request)
