"""Search parameters, turned into ``search.contract`` requests, and the one search call.

The API's ``search`` and ``search/suggest`` and the site's search page check
their parameters here and ask ``search.service``, whichever backend answers.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rest_framework import serializers

from cms.models import Category
from cms.municipalities.lookup import is_regional
from cms.municipalities.registry import MunicipalityInfo
from cms.translation.languages import language_codes
from search import service
from search.contract import CONTENT_TYPES, SearchRequest, SearchResponse, Suggestion

from .parameters import (
    DEFAULT_PAGE_SIZE,
    MAX_PAGE_SIZE,
    ChoiceListField,
    ChoiceParameterField,
    CoordinatesField,
    ExistingSlugField,
    MomentField,
    RadiusField,
    require_near_for_radius,
    validated,
)

MAX_QUERY_LENGTH = 200
MAX_SUGGESTIONS = 20


class SearchParams(serializers.Serializer):
    # DRF's CharField refuses NUL characters, which PostgreSQL cannot compare.
    q = serializers.CharField(
        required=False,
        default="",
        max_length=MAX_QUERY_LENGTH,
        help_text="Words to find; typos are tolerated and accents optional. Empty: everything.",
    )
    type = ChoiceListField(
        CONTENT_TYPES,
        required=False,
        help_text=f"Comma-separated result types: {', '.join(CONTENT_TYPES)} (default all).",
    )
    category = ExistingSlugField(
        Category, "category", "/api/v1/categories", required=False, help_text="Activities only."
    )
    offered_language = ChoiceParameterField(
        language_codes(), required=False, help_text="Spoken at the activity or by the partner."
    )
    near = CoordinatesField(required=False, help_text="lat,lon: activities and partners nearby.")
    radius_km = RadiusField(required=False, help_text="Kilometres around near.")
    starts_after = MomentField(
        required=False, help_text="ISO 8601: activities with an occurrence from then on."
    )
    page_size = serializers.IntegerField(
        required=False,
        default=DEFAULT_PAGE_SIZE,
        min_value=1,
        max_value=MAX_PAGE_SIZE,
        help_text=f"Results to return, 1 to {MAX_PAGE_SIZE}.",
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        require_near_for_radius(attrs)
        return attrs


def search_request(
    params: dict[str, Any], language: str, municipality: MunicipalityInfo | None = None
) -> SearchRequest:
    """The validated parameters as the search service's request.

    Scoped to ``municipality`` only where there are several: one municipality's
    install searches everything, as before regions.
    """
    return SearchRequest(
        municipality=municipality.slug if municipality and is_regional() else None,
        q=params["q"].strip(),
        language=language,
        types=params.get("type", CONTENT_TYPES),
        category=params.get("category"),
        offered_language=params.get("offered_language"),
        near=params.get("near"),
        radius_km=params.get("radius_km"),
        starts_after=params.get("starts_after"),
        page_size=params["page_size"],
    )


class SuggestParams(serializers.Serializer):
    q = serializers.CharField(max_length=MAX_QUERY_LENGTH, help_text="The start of a title.")
    limit = serializers.IntegerField(
        required=False,
        default=10,
        min_value=1,
        max_value=MAX_SUGGESTIONS,
        help_text=f"Suggestions to return, 1 to {MAX_SUGGESTIONS}.",
    )


def parse_search_request(
    query: Mapping[str, str], language: str, municipality: MunicipalityInfo | None = None
) -> SearchRequest:
    """The query string as a search request; ``serializers.ValidationError`` names a bad one."""
    return search_request(validated(SearchParams, query), language, municipality)


def search(request: SearchRequest) -> SearchResponse:
    """One search, on the engine or (when it fails) the database."""
    return service.search(request)


def suggest(query: Mapping[str, str], language: str) -> list[Suggestion]:
    """Title suggestions for ``q``; ``serializers.ValidationError`` names a bad parameter."""
    params = validated(SuggestParams, query)
    return service.suggest(params["q"], language, params["limit"])
