"""OpenAPI schema customisation: only /api/v1/, the language parameters, the error shape."""

from __future__ import annotations

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse

from cms.translation.languages import language_codes

from .languages import LANGUAGE_PARAMETER, RequestLanguageMixin
from .municipalities import MUNICIPALITY_QUERY_PARAMETER, RequestMunicipalityMixin
from .prefix import API_V1_PATH
from .serializers.errors import ErrorSerializer

ERROR_DESCRIPTIONS = {
    400: "A parameter is malformed or unknown (`field` names it), or `lang` is not offered.",
    404: "Nothing published at this address (an unknown slug, or no published plan).",
    413: "The request body is larger than the API accepts (64 KB by default).",
}
WRITE_METHODS = ("POST", "PUT", "PATCH")


def only_public_api(endpoints):
    """drf-spectacular preprocessing hook: document /api/v1/ only, not Wagtail's admin API."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith(API_V1_PATH)]


def drop_defaults_the_schema_refuses(result: dict, generator, request, public) -> dict:
    """drf-spectacular postprocessing hook: no parameter default its own schema refuses.

    ``q=serializers.CharField(required=False, default="")`` is documented as
    ``minLength: 1`` (a sent ``q`` may not be blank) with ``default: ""`` (what
    the server uses when ``q`` is absent). OpenAPI wants a default to be a valid
    value, so openapi-spec-validator refuses the schema; the default goes, the
    answer stays as it is ("absent: everything", the description says).
    """
    for item in result.get("paths", {}).values():
        for operation in item.values():
            for parameter in operation.get("parameters", []) if isinstance(operation, dict) else []:
                schema = parameter.get("schema", {})
                default = schema.get("default")
                if isinstance(default, str) and len(default) < schema.get("minLength", 0):
                    del schema["default"]
    return result


def errors(*statuses: int) -> dict[int, OpenApiResponse]:
    """The error shape for 400 (every endpoint can refuse a parameter) and ``statuses``."""
    return {
        status: OpenApiResponse(ErrorSerializer, description=ERROR_DESCRIPTIONS[status])
        for status in (400, *statuses)
    }


def responses(ok, *error_statuses: int) -> dict:
    """A JSON 200 answer and the errors of ``errors``."""
    return {200: ok, **errors(*error_statuses)}


LANGUAGE_PARAMETERS = [
    OpenApiParameter(
        LANGUAGE_PARAMETER,
        OpenApiTypes.STR,
        OpenApiParameter.QUERY,
        enum=list(language_codes()),
        description="Language of the texts; wins over Accept-Language. Default: nl. "
        "Missing texts fall back to en, then nl.",
    ),
    OpenApiParameter(
        "Accept-Language",
        OpenApiTypes.STR,
        OpenApiParameter.HEADER,
        description="Used when lang is absent; q-values are honoured, unknown languages skipped.",
    ),
]


class WegwijsAutoSchema(AutoSchema):
    """Documents ``lang`` and Accept-Language on every endpoint that negotiates a language,
    and ``municipality`` on every endpoint scoped to one.

    Every write also documents 413: ``api.body_limits`` refuses a large body
    before the view runs, so no view declares it itself.
    """

    def _get_response_bodies(self, direction: str = "response") -> dict:
        bodies = super()._get_response_bodies(direction)
        if self.method in WRITE_METHODS and "413" not in bodies:
            too_large = OpenApiResponse(ErrorSerializer, description=ERROR_DESCRIPTIONS[413])
            bodies["413"] = self._get_response_for_code(too_large, "413", direction=direction)
        return bodies

    def get_override_parameters(self):
        parameters = super().get_override_parameters()
        if isinstance(self.view, RequestMunicipalityMixin):
            parameters = [MUNICIPALITY_QUERY_PARAMETER, *parameters]
        if isinstance(self.view, RequestLanguageMixin):
            return [*LANGUAGE_PARAMETERS, *parameters]
        return parameters
