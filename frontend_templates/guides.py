"""The guide list: published guides, optionally one topic (``public.guides``)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from django.http import QueryDict
from rest_framework.exceptions import ValidationError

from cms.municipalities.registry import MunicipalityInfo
from public.guides import GuideFilter, guides_by_topic, parse_guide_filter

from .languages import active_language


@dataclass
class GuideListing:
    guides: list
    topic: str


def guide_listing(query: QueryDict, municipality: MunicipalityInfo | None = None) -> GuideListing:
    """An unknown topic in the address shows every guide rather than an error page."""
    try:
        wanted = parse_guide_filter({"topic": query["topic"]} if query.get("topic") else {})
    except ValidationError:
        wanted = GuideFilter()
    wanted = replace(wanted, municipality=municipality)
    return GuideListing(list(guides_by_topic(wanted, active_language())), wanted.topic or "")
