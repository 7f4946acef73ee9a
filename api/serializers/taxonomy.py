"""Categories of activities and building blocks of the policy plan."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cms.models import BuildingBlock
from cms.policy_progress import mean_progress

from .common import TranslatedField, TranslatedObjectSerializer

# The prefetched actions of a block's live plan (see api.views.policy.blocks_with_actions).
BLOCK_ACTIONS = "plan_actions"


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
        return mean_progress(action.progress for action in getattr(block, BLOCK_ACTIONS))
