"""The JSON parser of the API's POSTs: bounded, so a crafted body is a 400 naming the body.

DRF's ``JSONParser`` hands the body to ``json.load``, whose decoder recurses
once per nesting level: 3 000 ``[`` raise ``RecursionError``, which is no
``ValueError`` and so became a 500. ``cms.bounded_input.loads`` measures the
depth first and refuses ``NaN``, ``Infinity`` and numbers beyond a float.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

from cms import bounded_input

BODY_FIELD = "body"


class BodyParseError(ParseError):
    """A request body that is no JSON we accept; the error names ``body``."""

    field = BODY_FIELD


class BoundedJSONParser(JSONParser):
    """``application/json`` bodies, parsed with ``cms.bounded_input.loads``."""

    def parse(self, stream, media_type=None, parser_context=None) -> Any:
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        try:
            return bounded_input.loads(stream.read().decode(encoding))
        except bounded_input.BoundedInputError as problem:
            raise BodyParseError(f"The body is not JSON we accept: {problem.message}") from None
        except ValueError as problem:  # also a body that is not in the declared encoding
            raise BodyParseError(f"The body is not valid JSON: {problem}") from None
