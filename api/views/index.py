"""GET /api/v1/: where everything is, for a developer who starts at the top (DESIGN.md).

The list is read from the URLconf, so an endpoint added to ``api.urls`` shows
up here without a second list to keep in step.
"""

from __future__ import annotations

from django.urls import URLPattern, get_resolver, get_urlconf, reverse
from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from cms.site_address import absolute_url

from ..body_limits import BodyLimitMixin
from ..caching import ConditionalGetMixin
from ..serializers.index import ApiIndexSerializer

NAMESPACE = "api-v1"
# Named apart in the answer, not among the endpoints.
OWN_KEYS = ("index", "schema", "docs")


def endpoint_names() -> list[str]:
    """URL names of the API's endpoints that take no path parameter, in URLconf order."""
    _, resolver = get_resolver(get_urlconf()).namespace_dict[NAMESPACE]
    return [
        pattern.name
        for pattern in resolver.url_patterns
        if isinstance(pattern, URLPattern)
        and pattern.name not in OWN_KEYS
        and not pattern.pattern.regex.groups
    ]


class ApiIndexView(BodyLimitMixin, ConditionalGetMixin, APIView):
    """No texts, so no language; ETag and 304 like every read."""

    http_method_names = ["get", "head", "options"]

    @extend_schema(
        summary="Where every endpoint, the schema and the docs are",
        responses={200: ApiIndexSerializer},
        tags=["index"],
    )
    def get(self, request: Request) -> Response:
        def url(name: str) -> str:
            return absolute_url(request, reverse(f"{NAMESPACE}:{name}"))

        body = {
            "endpoints": {name: url(name) for name in endpoint_names()},
            "schema": url("schema"),
            "docs": url("docs"),
        }
        return Response(ApiIndexSerializer(body).data)
