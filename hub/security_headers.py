"""Content-Security-Policy and Permissions-Policy for every answer, per part of the site.

Django's SecurityMiddleware already sends X-Content-Type-Options, the
Referrer-Policy, Cross-Origin-Opener-Policy and (in production) HSTS. What it
cannot send is one CSP that suits three very different parts:

- the public site: only its own files. No inline script or style, so an
  injected ``<script>`` or ``onerror=`` that slipped past escaping still
  cannot run; never framed (clickjacking).
- the API: JSON, which no browser should run or frame; only its docs page
  (Swagger UI) needs its own scripts, its inline styles and data: icons.
- the Wagtail admin: its pages carry inline scripts and styles of Wagtail's
  own, so it gets no script rules, only what cannot break it: no plugins, no
  foreign ``<base>``, and framing by itself only (the page preview is an
  iframe inside the editor).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from api.prefix import API_PATH, API_V1_PATH

SITE_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    # The favicon is an empty data: URL (no request for /favicon.ico); media in
    # a bucket add its address (media_sources).
    "img-src": "'self' data:",
    "connect-src": "'self'",
    "form-action": "'self'",
    "base-uri": "'none'",
    "object-src": "'none'",
    "frame-ancestors": "'none'",
}
API_POLICY = {
    "default-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'none'",
    "frame-ancestors": "'none'",
}
# Swagger UI at /api/v1/docs: its scripts come from our static files and from
# the page's own address (drf-spectacular's split view); it styles elements
# inline and draws its icons as data: images.
API_DOCS_POLICY = {
    **SITE_POLICY,
    "style-src": "'self' 'unsafe-inline'",
}
ADMIN_POLICY = {
    "base-uri": "'self'",
    "object-src": "'none'",
    "frame-ancestors": "'self'",
}
# The site asks for the position once, on "Use my location"; nothing else.
PERMISSIONS_POLICY = "geolocation=(self), camera=(), microphone=(), payment=(), usb=()"

API_DOCS_PATH = f"{API_V1_PATH}docs"


def serialise(policy: dict[str, str]) -> str:
    return "; ".join(f"{directive} {sources}" for directive, sources in policy.items())


API_CSP = serialise(API_POLICY)
API_DOCS_CSP = serialise(API_DOCS_POLICY)
ADMIN_CSP = serialise(ADMIN_POLICY)


def media_sources(storage: Mapping[str, Any]) -> list[str]:
    """Where the site's images and recordings come from when media live in a bucket."""
    options = storage.get("OPTIONS") or {}
    if "s3" not in storage.get("BACKEND", ""):
        return []  # MEDIA_URL on our own address
    if options.get("custom_domain"):
        return [f"https://{options['custom_domain']}"]
    if options.get("endpoint_url"):
        parts = urlsplit(options["endpoint_url"])
        return [f"{parts.scheme}://{parts.netloc}", f"{parts.scheme}://*.{parts.netloc}"]
    return ["https://*.amazonaws.com"]


def site_policy(storage: Mapping[str, Any]) -> dict[str, str]:
    bucket = media_sources(storage)
    sources = " ".join([SITE_POLICY["img-src"], *bucket])
    if not bucket:
        return {**SITE_POLICY, "img-src": sources}
    # A guide's recording (<audio>) lives beside the images.
    return {**SITE_POLICY, "img-src": sources, "media-src": " ".join(["'self'", *bucket])}


class SecurityHeadersMiddleware:
    """Adds the CSP of the path's part and the Permissions-Policy, unless a view set its own."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response
        self.site_csp = serialise(site_policy(settings.STORAGES["default"]))

    def content_security_policy(self, path: str) -> str:
        if path.startswith("/admin/"):
            return ADMIN_CSP
        if path == API_DOCS_PATH:
            return API_DOCS_CSP
        if path.startswith(API_PATH):
            return API_CSP
        return self.site_csp

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = self.content_security_policy(request.path_info)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
