"""Texts saved during a signed-in request were written by that person (origin ``human``).

Wraps each request of a signed-in user in ``provenance.saving_as`` so that the
translation records of whatever the request saves name them. Code that knows
better (the translation desk, an import) opens its own ``saving_as`` inside.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from .provenance import Origin, saving_as


class TranslationProvenanceMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return self.get_response(request)
        with saving_as(Origin.HUMAN, user):
            return self.get_response(request)
