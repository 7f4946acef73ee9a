"""A StreamField body as JSON blocks: ``[{"type": "text", "value": "<p>…</p>"}, …]``."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from wagtail.blocks import RichTextBlock
from wagtail.rich_text import expand_db_html

from cms.blocks import BodyBlock
from cms.languages import translated_value

from .common import request_language

BODY_BLOCK_TYPES = tuple(BodyBlock.base_blocks)
BLOCK_VALUES = (
    "text: HTML; steps: [{title, text}]; contact: {name, phone, email, website, "
    "opening_hours}; faq: [{question, answer}]; link: {url, label}."
)


class BodyBlockSerializer(serializers.Serializer):
    """One block of a body (documentation only: ``stream_as_json`` builds the data)."""

    type = serializers.ChoiceField(choices=BODY_BLOCK_TYPES)
    value = serializers.JSONField(help_text=f"Depends on the type. {BLOCK_VALUES}")


def stream_as_json(stream: Any) -> list[dict[str, Any]]:
    """Each block as ``{type, value}``; rich text with its internal links made into URLs."""
    blocks = []
    for child in stream or []:
        if isinstance(child.block, RichTextBlock):
            value = expand_db_html(child.value.source)
        else:
            value = child.block.get_api_representation(child.value)
        blocks.append({"type": child.block_type, "value": value})
    return blocks


@extend_schema_field(BodyBlockSerializer(many=True))
class BodyField(serializers.Field):
    """The body in the request's language, or its fallback."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, instance: Any) -> list[dict[str, Any]]:
        return stream_as_json(translated_value(instance, "body", request_language(self)).text)
