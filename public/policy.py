"""The policy plan: its building blocks, their actions, and how far each has come.

Read by the API (``policy-plan``, ``building-blocks``) and the site's plan page
alike; progress is rolled up by ``cms.policy_progress``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from wagtail.query import PageQuerySet

from cms.models import BuildingBlock, PolicyAction, PolicyPlanPage
from cms.municipalities.registry import MunicipalityInfo
from cms.municipalities.scoping import under_home
from cms.policy_progress import mean_progress
from cms.publishing import published

# The attribute holding a block's prefetched actions of the live plan (see ``_blocks``).
BLOCK_ACTIONS = "plan_actions"


def published_plans(municipality: MunicipalityInfo | None = None) -> PageQuerySet:
    """The policy plan, if it is published (there is at most one).

    Ordered by the plan table's own key: under Page's default order (the tree
    path) PostgreSQL walks every page of the site to find the one plan, 0.17 s
    at 100 000 activities instead of 2 ms (bench/RESULTS.md).
    """
    plans = under_home(published(PolicyPlanPage.objects.all()), municipality)
    return plans.order_by("page_ptr_id")


def published_plan(municipality: MunicipalityInfo | None = None) -> PolicyPlanPage | None:
    """The plan of ``municipality`` (each has its own, under its home page)."""
    return published_plans(municipality).first()


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
