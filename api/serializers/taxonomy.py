"""Categories of activities and building blocks of the policy plan."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cms.models import BuildingBlock
from public.policy import block_progress

from .common import TranslatedField, TranslatedObjectSerializer


class CategorySerializer(TranslatedObjectSerializer):
    main_text_field = "name"

    slug = serializers.SlugField(help_text="Stable identifier; filter activities with it.")
    name = TranslatedField()


class BuildingBlockSerializer(TranslatedObjectSerializer):
    main_text_field = "name"

    slug = serializers.SlugField(help_text="Stable identifier of the building block.")
    name = TranslatedField()
    description = TranslatedField()
    progress = serializers.SerializerMethodField(
        help_text="Mean progress (0-100) of the block's actions; null when it has none."
    )

    @extend_schema_field(serializers.IntegerField(min_value=0, max_value=100, allow_null=True))
    def get_progress(self, block: BuildingBlock) -> int | None:
        return block_progress(block)
