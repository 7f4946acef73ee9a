"""The policy plan page: its five building blocks, their actions, and how far each has come."""

from __future__ import annotations

from dataclasses import dataclass

from api import querysets
from api.serializers.taxonomy import BLOCK_ACTIONS
from cms.models import BuildingBlock, PolicyPlanPage
from cms.policy_progress import mean_progress


@dataclass
class BlockProgress:
    block: BuildingBlock
    actions: list
    progress: int | None


@dataclass
class PlanOverview:
    blocks: list[BlockProgress]
    progress: int | None


def plan_overview(plan: PolicyPlanPage) -> PlanOverview:
    """Blocks in their fixed order with the plan's actions; progress rolled up by cms."""
    blocks = []
    for block in querysets.blocks_with_actions([plan]):
        actions = getattr(block, BLOCK_ACTIONS)
        blocks.append(BlockProgress(block, actions, mean_progress(a.progress for a in actions)))
    everything = [action.progress for entry in blocks for action in entry.actions]
    return PlanOverview(blocks, mean_progress(everything))
