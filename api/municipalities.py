"""The municipality an API request is answered for: ``?municipality=`` over the request's host.

The choice itself is ``cms.municipalities.lookup.chosen`` (Wagtail's site
matching on the host, from memory: no query); this module turns it into view
state and an unknown slug into a 400 naming ``municipality``.
"""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter

from cms.municipalities.lookup import MUNICIPALITY_PARAMETER, UnknownMunicipality, chosen
from cms.municipalities.registry import MunicipalityInfo

from .errors import InvalidParameter

MUNICIPALITY_QUERY_PARAMETER = OpenApiParameter(
    MUNICIPALITY_PARAMETER,
    OpenApiTypes.STR,
    OpenApiParameter.QUERY,
    description="A municipality's slug (see `municipalities`): its content, including what "
    "regional partners publish to it. Default: the municipality of the request's host.",
)


class RequestMunicipalityMixin:
    """Resolves ``self.municipality`` before the view runs (lists, feeds, plan, search)."""

    municipality: MunicipalityInfo | None

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        try:
            self.municipality = chosen(request, request.query_params.get(MUNICIPALITY_PARAMETER))
        except UnknownMunicipality as error:
            raise InvalidParameter(
                MUNICIPALITY_PARAMETER, str(error), code="unknown_municipality"
            ) from None
