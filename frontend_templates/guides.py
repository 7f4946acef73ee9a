"""The guide list: published guides, optionally one topic, through the API's guide filter."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import QueryDict

from api import querysets
from api.filters.guides import GuideFilterParams, filter_guides
from cms.translation.fallback import reading_order

from .languages import active_language


@dataclass
class GuideListing:
    guides: list
    topic: str


def guide_listing(query: QueryDict) -> GuideListing:
    params = GuideFilterParams(data={"topic": query["topic"]} if query.get("topic") else {})
    values = params.validated_data if params.is_valid() else {}
    # Alphabetical as read: by each guide's title along the fallback chain.
    guides = filter_guides(querysets.guides(), values).order_by(
        "topic", reading_order("title", active_language()), "slug"
    )
    return GuideListing(list(guides), values.get("topic", ""))
