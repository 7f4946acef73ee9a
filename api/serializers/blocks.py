"""A StreamField body as JSON blocks: ``[{"type": "text", "value": "<p>…</p>"}, …]``."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from wagtail.blocks import RichTextBlock

from cms.blocks import BodyBlock
from cms.safe_html import rich_text_html, safe_link
from cms.translation.fallback import translated_value

from .common import request_language

BODY_BLOCK_TYPES = tuple(BodyBlock.base_blocks)
BLOCK_VALUES = (
    "text: HTML (only p, br, h3, b, strong, i, em, ol, ul, li and a with an http(s), "
    "mailto, tel or relative href); steps: [{title, text}]; contact: {name, phone, email, website, "
    "opening_hours}; faq: [{question, answer}]; link: {url, label}."
)


class BodyBlockSerializer(serializers.Serializer):
    """One block of a body (documentation only: ``stream_as_json`` builds the data)."""

    type = serializers.ChoiceField(choices=BODY_BLOCK_TYPES)
    value = serializers.JSONField(help_text=f"Depends on the type. {BLOCK_VALUES}")


# Struct blocks whose field is put into an href by whoever shows it.
LINK_FIELDS = {"link": "url", "contact": "website"}


def stream_as_json(stream: Any) -> list[dict[str, Any]]:
    """Each block as ``{type, value}``.

    Rich text has its internal links made into URLs and is sanitised
    (``cms.safe_html``); a link a browser would run (``javascript:``) becomes "".
    """
    blocks = []
    for child in stream or []:
        if isinstance(child.block, RichTextBlock):
            value = rich_text_html(child.value.source)
        else:
            value = child.block.get_api_representation(child.value)
            link_field = LINK_FIELDS.get(child.block_type)
            if link_field and isinstance(value, dict) and link_field in value:
                value[link_field] = safe_link(value[link_field])
        blocks.append({"type": child.block_type, "value": value})
    return blocks


@extend_schema_field(BodyBlockSerializer(many=True))
class BodyField(serializers.Field):
    """The body in the request's language, or its fallback."""

    translated_field = "body"

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, instance: Any) -> list[dict[str, Any]]:
        return stream_as_json(translated_value(instance, "body", request_language(self)).text)
