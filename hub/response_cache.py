"""A shared cache of public GET answers that is never stale.

Why: most of what migrants and partner sites load is the same few lists and
pages, and rendering them costs far more than sending a stored copy. A cache
with a lifetime would show an unpublished activity for that long; this one
keys every entry by the **content version** (``cms.content_version``: a number
PostgreSQL moves in the same transaction as every change of content), read once
per request, so the first GET after a commit is computed afresh. What the clock
changes without a write (an occurrence ending, a page expiring) ends an entry
at ``clock_horizon``.

An entry is per host (the Wagtail site, so the municipality), full path with
query and language (the prefix's, and the Accept-Language the API negotiates
from); it holds the version it was computed at and is served at that version
only. Only GETs of public views named in ``PUBLIC_READS`` are cached; never a
request with a session cookie or credentials, never an answer that sets a
cookie (a session or CSRF token: personalised), and never search (the engine
is updated just after the commit; its answers are not versioned). A page with
a form (the activity's sign-up, "Was this clear?" under a guide, a survey) is
stored with marks where its form tokens go (``public.guard.tokens_as_marks``)
and every answer, hit or miss, gets fresh tokens in their place: a token is one
visitor's and single use. Such an answer carries no ETag (a 304 would keep an
old token in the browser).

The cache is Django's ``default`` cache (the database: every app server sees
the same entries). ``X-Cache: hit|miss`` tells which; a request with
``Cache-Control: no-cache`` is computed afresh (and stored, unless the same
bytes are stored already). ETag and 304 work on hits as on misses. The reads
(version, entry, horizon) are one query: ``hub.response_store``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.urls import Resolver404, get_urlconf, resolve
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.translation import get_language

from cms.content_version import clock_horizon
from cms.content_version.memo import reading_at
from public.guard import tokens_as_marks, tokens_handed_out, with_fresh_tokens

from . import response_store

# (namespace, url name) of the public reads that may be cached.
PUBLIC_READS = {
    ("api-v1", name)
    for name in (
        "index",
        "languages",
        "categories",
        "building-blocks",
        "partners",
        "partner",
        "activities",
        "activities-ics",
        "activity",
        "guides",
        "guide",
        "policy-plan",
        "surveys",
        "survey",
        "schema",
    )
} | {
    ("", name)
    for name in ("wagtail_serve", "partners", "partner", "activity-calendar", "surveys", "poster")
}
HEADER = "X-Cache"
# Headers that belong to this one exchange, not to the stored answer.
NOT_STORED = {"set-cookie", HEADER.lower()}


@dataclass(frozen=True)
class Entry:
    """A stored answer, the content version it was computed at, and until when the clock
    leaves it true (None: no scheduled change)."""

    status: int
    headers: tuple[tuple[str, str], ...]
    content: bytes
    valid_until: datetime | None
    version: int
    # (mark, form) of each form token in ``content``: filled afresh for every answer.
    marks: tuple[tuple[str, str], ...] = ()

    def fresh(self, version: int, now: datetime) -> bool:
        return self.version == version and (self.valid_until is None or now < self.valid_until)

    def response(self) -> HttpResponse:
        response = HttpResponse(with_fresh_tokens(self.content, self.marks), status=self.status)
        for name, value in self.headers:
            response[name] = value
        return response


# Paths longer than this are resolved every time rather than remembered (memory).
REMEMBERED_PATH_LENGTH = 300


@lru_cache(maxsize=2048)
def _resolves_to_public_read(urlconf: str, language: str, path: str) -> bool:
    """Remembered per URLconf, active language (the language prefix of
    ``i18n_patterns`` resolves by it) and path: resolving walks every pattern, a
    tenth of a hit's time, for an answer that only a deploy changes."""
    try:
        match = resolve(path, urlconf)
    except Resolver404:
        return False
    namespace = match.namespaces[-1] if match.namespaces else ""
    return (namespace, match.url_name) in PUBLIC_READS


def _is_public_read(request: HttpRequest) -> bool:
    path = request.path_info
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    if len(path) > REMEMBERED_PATH_LENGTH:
        return _resolves_to_public_read.__wrapped__(urlconf, get_language(), path)
    return _resolves_to_public_read(urlconf, get_language(), path)


def cacheable_request(request: HttpRequest) -> bool:
    """An anonymous GET of a public read."""
    return (
        request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        and _is_public_read(request)
    )


def storable(request: HttpRequest, response: HttpResponseBase, tokens_before: int) -> bool:
    """A complete 200 that is the same for everyone who sends this request (form tokens
    aside: they are marks by now)."""
    cache_control = response.get("Cache-Control", "").lower()
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        # A token issued around the marks (not by the page's own rendering) is one visitor's.
        and tokens_handed_out() == tokens_before
        and "private" not in cache_control
        and "no-store" not in cache_control
        and "cookie" not in response.get("Vary", "").lower()
    )


def cache_key(request: HttpRequest) -> str:
    """Per host, path with query and language; the version is in the entry, not the key:
    a read finds the entry and the version in one query (``hub.response_store``), and a
    newer answer replaces an older one instead of leaving it to expire."""
    parts = (
        request.get_host(),
        request.get_full_path(),
        getattr(request, "LANGUAGE_CODE", ""),
        request.META.get("HTTP_ACCEPT_LANGUAGE", ""),
    )
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return f"response:{digest}"


# (version, horizon): ``clock_horizon`` of that version, computed once until it passes.
HORIZON_KEY = "response-horizon"


def _horizon(version: int, now: datetime, stored: tuple | None) -> datetime | None:
    """``clock_horizon``, computed once per version until it passes (a read, not 5)."""
    if stored is not None and stored[0] == version and (stored[1] is None or now < stored[1]):
        return stored[1]
    horizon = clock_horizon(now)
    cache.set(HORIZON_KEY, (version, horizon), settings.RESPONSE_CACHE_SECONDS)
    return horizon


def _filled(response: HttpResponseBase, marks: list[tuple[str, str]]) -> HttpResponseBase:
    """The answer with fresh tokens where its marks stand (a mark never leaves the server)."""
    if response.streaming:  # none of the public reads streams a form; whole, just in case
        whole = b"".join(response.streaming_content)
        response.streaming_content = [with_fresh_tokens(whole, marks)]
    else:
        response.content = with_fresh_tokens(response.content, marks)
    return response


class ResponseCacheMiddleware:
    """Serves and stores public GET answers by content version (see the module)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not settings.RESPONSE_CACHE or not cacheable_request(request):
            return self.get_response(request)
        now = timezone.now()
        key = cache_key(request)
        afresh = "no-cache" in request.headers.get("Cache-Control", "").lower()
        found = response_store.read(key, HORIZON_KEY, digest_only=afresh, now=now)
        version = found.version
        if version is None:  # nothing counts changes: nothing may be cached
            return self.get_response(request)
        entry = found.entry
        if isinstance(entry, Entry) and entry.fresh(version, now):
            response = entry.response()
            response[HEADER] = "hit"
            etag = response.get("ETag")
            if etag:
                return get_conditional_response(request, etag=etag, response=response)
            return response
        tokens_before = tokens_handed_out()
        # Questions about content are answered at this version (cms.content_version.memo).
        with tokens_as_marks() as marks, reading_at(version):
            response = self.get_response(request)
        if marks:
            # The ETag was taken over the marks: it would let a browser keep an old token.
            del response["ETag"]
        if storable(request, response, tokens_before):
            headers = tuple(
                (name, value) for name, value in response.items() if name.lower() not in NOT_STORED
            )
            valid_until = _horizon(version, now, found.horizon)
            entry = Entry(
                response.status_code, headers, response.content, valid_until, version, tuple(marks)
            )
            # Computed afresh and the same bytes as stored: writing them again changes nothing.
            if not response_store.stored_already(found, entry):
                cache.set(key, entry, settings.RESPONSE_CACHE_SECONDS)
        if marks:
            response = _filled(response, marks)
        response[HEADER] = "miss"
        return response
