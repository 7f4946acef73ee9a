"""A policy plan's building blocks with its actions, and how far each block has come.

The one reading of a plan's progress: the API and the public plan page (through
``public.policy``) and the plan's page in the admin all use it; the roll-up
itself is ``policy_progress.mean_progress``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from .models import BuildingBlock, PolicyAction, PolicyPlanPage
from .policy_progress import mean_progress

# The attribute holding a block's prefetched actions of the plan (see ``_blocks``).
BLOCK_ACTIONS = "plan_actions"


def _blocks(actions: QuerySet) -> QuerySet:
    return BuildingBlock.objects.prefetch_related(
        Prefetch("actions", queryset=actions.order_by("sort_order", "slug"), to_attr=BLOCK_ACTIONS)
    )


def blocks_with_progress(plans: Iterable[PolicyPlanPage]) -> QuerySet:
    """The five building blocks with the actions of ``plans`` in ``BLOCK_ACTIONS``: two queries."""
    return _blocks(PolicyAction.objects.filter(plan__in=plans).only("building_block", "progress"))


def blocks_with_actions(plans: Iterable[PolicyPlanPage]) -> QuerySet:
    """As ``blocks_with_progress``, with each action's partners and updates: four queries."""
    return _blocks(
        PolicyAction.objects.filter(plan__in=plans).prefetch_related("responsible", "updates")
    )


def block_actions(block: BuildingBlock) -> list[PolicyAction]:
    """The actions prefetched by ``blocks_with_progress`` or ``blocks_with_actions``."""
    return getattr(block, BLOCK_ACTIONS)


def block_progress(block: BuildingBlock) -> int | None:
    """Mean progress (0-100) of the block's prefetched actions; None without any."""
    return mean_progress(action.progress for action in block_actions(block))


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
    blocks = [
        BlockProgress(block, block_actions(block), block_progress(block))
        for block in blocks_with_actions([plan])
    ]
    everything = [action.progress for entry in blocks for action in entry.actions]
    return PlanOverview(blocks, mean_progress(everything))
