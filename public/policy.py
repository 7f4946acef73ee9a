"""The policy plan: its building blocks, their actions, and how far each has come.

Read by the API (``policy-plan``, ``building-blocks``) and the site's plan page
alike; the blocks, their actions and their progress come from
``cms.policy_overview``, which the admin's plan editor reads too.
"""

from __future__ import annotations

from wagtail.query import PageQuerySet

from cms.models import PolicyPlanPage
from cms.municipalities.registry import MunicipalityInfo
from cms.municipalities.scoping import under_home
from cms.policy_overview import (
    BLOCK_ACTIONS,
    BlockProgress,
    PlanOverview,
    block_actions,
    block_progress,
    blocks_with_progress,
    plan_blocks_with_actions,
    plan_overview,
)
from cms.publishing import published

__all__ = [
    "BLOCK_ACTIONS",
    "BlockProgress",
    "PlanOverview",
    "block_actions",
    "block_progress",
    "blocks_with_progress",
    "plan_blocks_with_actions",
    "plan_overview",
    "published_plan",
    "published_plans",
]


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
