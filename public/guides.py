"""Selecting and ordering guides, for the API's list and detail and the site's guide list."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.db.models import QuerySet
from rest_framework import serializers
from wagtail.query import PageQuerySet

from cms.models import GuidePage
from cms.municipalities.registry import MunicipalityInfo
from cms.municipalities.scoping import published_to
from cms.publishing import published
from cms.translation.fallback import reading_order

from .parameters import ChoiceParameterField, validated

# The annotation the API's list is sorted and paginated by.
SORT_KEY = "sort_title"


class GuideFilterParams(serializers.Serializer):
    topic = ChoiceParameterField(GuidePage.Topic.values, required=False, help_text="A topic.")


@dataclass(frozen=True)
class GuideFilter:
    """Which guides a reader asked for: one topic, or all."""

    topic: str | None = None
    # The request's municipality, set by the presenter; None: every municipality.
    municipality: MunicipalityInfo | None = None


def parse_guide_filter(query: Mapping[str, str]) -> GuideFilter:
    """The query string's guide filter; ``serializers.ValidationError`` names a bad one."""
    return GuideFilter(**validated(GuideFilterParams, query))


def guides() -> PageQuerySet:
    """Published guides with their author: one query."""
    return published(GuidePage.objects.all()).select_related("author")


def guide(slug: str) -> GuidePage | None:
    """One published guide, or None."""
    return guides().filter(slug=slug).first()


def by_topic(guides: QuerySet, topic: str) -> QuerySet:
    """``topic``: guides on this topic."""
    return guides.filter(topic=topic)


def filter_guides(guides: QuerySet, wanted: GuideFilter) -> QuerySet:
    guides = published_to(guides, wanted.municipality)
    if wanted.topic is not None:
        guides = by_topic(guides, wanted.topic)
    return guides


def title_in(language: str):
    """The title along the fallback chain, in SQL, so guides sort as the reader sees them."""
    return reading_order("title", language)


def guides_by_title(wanted: GuideFilter, language: str) -> QuerySet:
    """The API's list: filtered, with the sort key ``SORT_KEY`` (the title ``language`` shows)."""
    return filter_guides(guides(), wanted).annotate(**{SORT_KEY: title_in(language)})


def guides_by_topic(wanted: GuideFilter, language: str) -> QuerySet:
    """The site's list: filtered, grouped by topic, then alphabetical as read in ``language``."""
    return filter_guides(guides(), wanted).order_by(
        "topic", reading_order("title", language), "slug"
    )
