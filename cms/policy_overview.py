"""A policy plan's building blocks with its actions, and how far each block has come.

The one reading of a plan's progress: the API and the public plan page (through
``public.policy``) and the plan's page in the admin all use it; the roll-up
itself is ``policy_progress.mean_progress``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import F, Prefetch, QuerySet

from .content_version.memo import remembered
from .models import BuildingBlock, Partner, PolicyAction, PolicyPlanPage, ProgressUpdate
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


def plan_blocks_with_actions(plan: PolicyPlanPage) -> list[BuildingBlock]:
    """``blocks_with_actions`` of one plan, read once per content version (``remembered``).

    The API's policy plan is the same for every visitor of a content version,
    like the plan page's overview: its blocks, actions, partners and updates
    were four of the six queries of every answer, the only v1 answer above five
    (bench/RESULTS.md). Callers only read the blocks and their actions.
    """
    return remembered(
        ("plan blocks with actions", plan.pk), lambda: list(blocks_with_actions([plan]))
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
    """Blocks in their fixed order with the plan's actions; progress rolled up by cms.

    Each action carries ``partners`` (its responsible partners, by name) and
    ``progress_updates`` (newest first), as ``blocks_with_actions`` orders them.
    Read in one query each and grouped here rather than prefetched: Django's
    prefetch builds a queryset for every action and relation, and that was two
    thirds of the plan page's overview (11 ms for 16 actions, bench/).

    The overview holds every language's texts and is the same for every visitor,
    so a public GET reads it once per content version (``remembered``): reading
    and making its rows was still two fifths of the plan page's time. Callers
    only read it.
    """
    return remembered(("plan overview", plan.pk), lambda: _read_overview(plan))


def _read_overview(plan: PolicyPlanPage) -> PlanOverview:
    actions = list(PolicyAction.objects.filter(plan=plan).order_by("sort_order", "slug"))
    partners = defaultdict(list)
    for partner in (
        Partner.objects.filter(policy_actions__plan=plan)
        .annotate(for_action=F("policy_actions__id"))
        .only("slug", "name")
        .order_by("name", "pk")
    ):
        partners[partner.for_action].append(partner)
    updates = defaultdict(list)
    for update in ProgressUpdate.objects.filter(action__plan=plan).order_by("-date", "sort_order"):
        updates[update.action_id].append(update)
    by_block = defaultdict(list)
    for action in actions:
        action.partners = partners[action.pk]
        action.progress_updates = updates[action.pk]
        by_block[action.building_block_id].append(action)
    blocks = []
    for block in BuildingBlock.objects.all():
        shown = by_block[block.pk]
        blocks.append(BlockProgress(block, shown, mean_progress(a.progress for a in shown)))
    everything = [action.progress for entry in blocks for action in entry.actions]
    return PlanOverview(blocks, mean_progress(everything))
