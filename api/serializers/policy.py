"""The policy plan: building blocks, their actions, and how far each has come."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cms.models import PolicyAction, PolicyPlanPage
from cms.policy_progress import mean_progress
from cms.public_urls import public_path
from public.policy import BLOCK_ACTIONS, block_actions

from .common import (
    PartnerRefSerializer,
    TranslatedField,
    TranslatedObjectSerializer,
    request_language,
)
from .taxonomy import BuildingBlockSerializer


class ProgressUpdateSerializer(TranslatedObjectSerializer):
    main_text_field = "text"

    date = serializers.DateField()
    text = TranslatedField()


class PolicyActionSerializer(TranslatedObjectSerializer):
    slug = serializers.SlugField()
    url = serializers.SerializerMethodField(help_text="The action on the public plan page.")
    title = TranslatedField()
    description = TranslatedField()
    status = serializers.ChoiceField(choices=PolicyAction.Status.values)
    progress = serializers.IntegerField(min_value=0, max_value=100)
    starts_on = serializers.DateField(allow_null=True)
    due_on = serializers.DateField(allow_null=True)
    responsible = PartnerRefSerializer(many=True, help_text="Partners responsible for it.")
    updates = ProgressUpdateSerializer(many=True, help_text="Dated progress notes, newest first.")

    def get_url(self, action: PolicyAction) -> str:
        return public_path("policy_action", action.slug, request_language(self))


class PlanBuildingBlockSerializer(BuildingBlockSerializer):
    actions = PolicyActionSerializer(many=True, source=BLOCK_ACTIONS)


class PolicyPlanSerializer(TranslatedObjectSerializer):
    title = TranslatedField()
    intro = TranslatedField()
    progress = serializers.SerializerMethodField(
        help_text="Mean progress (0-100) of all actions; null when there are none."
    )
    building_blocks = serializers.SerializerMethodField()

    @extend_schema_field(serializers.IntegerField(min_value=0, max_value=100, allow_null=True))
    def get_progress(self, plan: PolicyPlanPage) -> int | None:
        return mean_progress(
            action.progress
            for block in self.context["building_blocks"]
            for action in block_actions(block)
        )

    @extend_schema_field(PlanBuildingBlockSerializer(many=True))
    def get_building_blocks(self, plan: PolicyPlanPage) -> list[dict]:
        return PlanBuildingBlockSerializer(
            self.context["building_blocks"], many=True, context=self.context
        ).data
