"""Filter of the guide list."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from rest_framework import serializers

from cms.models import GuidePage

from .fields import ChoiceParameterField


class GuideFilterParams(serializers.Serializer):
    topic = ChoiceParameterField(GuidePage.Topic.values, required=False, help_text="A topic.")


def by_topic(guides: QuerySet, topic: str) -> QuerySet:
    """``topic``: guides on this topic."""
    return guides.filter(topic=topic)


def filter_guides(guides: QuerySet, params: dict[str, Any]) -> QuerySet:
    if "topic" in params:
        guides = by_topic(guides, params["topic"])
    return guides
