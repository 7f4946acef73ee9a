"""Conditional GET for the read endpoints: an ETag from the response body, 304 when unchanged.

Why a hash of the body and not ``max(last_published_at)``: an answer depends on
much that has no timestamp (partners, categories and policy actions are
snippets without one, the language and the filters of the request, and the
clock, which moves ``next_occurrences`` along). Hashing what we send is always
right; it saves the migrant's data bundle and the partner's bandwidth, not our
database, which stays within its constant query budget anyway.

Django's tools do the HTTP: ``quote_etag``, ``patch_cache_control`` and
``get_conditional_response`` (the same If-None-Match rules as
``django.views.decorators.http.condition``). What no library does, and the
mixin below adds: the ``condition``/``etag`` decorators need the ETag before
the view runs, and ConditionalGetMiddleware hashes every answer of the site
and the admin too; a DRF answer is rendered only after the view returns, so
the API's views take the ETag from the rendered body in a post-render callback.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import quote_etag


def conditional_response(request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
    """Add ETag and Cache-Control to a successful read; a 304 when the client has it."""
    if request.method not in ("GET", "HEAD") or response.status_code != 200 or response.streaming:
        return response
    if not response.has_header("ETag"):
        digest = hashlib.sha256(response.content).hexdigest()[:32]
        response["ETag"] = quote_etag(digest)
    patch_cache_control(response, public=True, max_age=settings.API_CACHE_SECONDS)
    return get_conditional_response(request, etag=response["ETag"], response=response)


class ConditionalGetMixin:
    """For DRF views: applies ``conditional_response`` once the body is rendered."""

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if hasattr(response, "add_post_render_callback") and not response.is_rendered:
            # DRF renders after the view returns; a callback's return value replaces
            # the response, which is how a 304 takes the 200's place.
            response.add_post_render_callback(
                lambda rendered: conditional_response(request, rendered)
            )
            return response
        return conditional_response(request, response)
