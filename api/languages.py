"""The language an API request is answered in: ``?lang=`` over Accept-Language over Dutch.

The choice itself is ``cms.translation.languages.negotiate_language``, shared with the
site; this module only turns its answer into view state, headers and errors.
"""

from __future__ import annotations

from django.utils.cache import patch_vary_headers
from rest_framework.request import Request

from cms.translation.languages import UnsupportedLanguage, negotiate_language

from .errors import InvalidParameter

LANGUAGE_PARAMETER = "lang"


def request_language(request: Request) -> str:
    """The negotiated language code; a 400 for an explicit ``?lang=`` we do not offer."""
    try:
        return negotiate_language(
            request.query_params.get(LANGUAGE_PARAMETER),
            request.META.get("HTTP_ACCEPT_LANGUAGE"),
        )
    except UnsupportedLanguage as error:
        raise InvalidParameter(
            LANGUAGE_PARAMETER, str(error), code="unsupported_language"
        ) from None


class RequestLanguageMixin:
    """Negotiates ``self.language`` before the view runs and hands it to serializers."""

    language: str

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.language = request_language(request)

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "language": self.language}

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        # The same URL answers differently per Accept-Language: caches must know.
        patch_vary_headers(response, ("Accept-Language",))
        if getattr(self, "language", None):
            response["Content-Language"] = self.language
        return response
