"""What each endpoint reads: only published content, in a fixed number of queries.

Every relation a serializer touches is joined (``select_related``) or
prefetched here, so the number of queries of a request does not grow with the
page size or with the number of languages (translations are columns).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Prefetch, QuerySet
from wagtail.query import PageQuerySet

from cms.languages import language_codes
from cms.models import ActivityPage, BuildingBlock, GuidePage, PolicyAction, PolicyPlanPage
from cms.publishing import published

from .serializers.taxonomy import BLOCK_ACTIONS


def activities() -> PageQuerySet:
    """Published activities with their category, organisers and image: two queries."""
    return (
        published(ActivityPage.objects.all())
        .select_related("category", "organiser", "image")
        .prefetch_related("co_organisers")
    )


def without_bodies(pages: PageQuerySet) -> PageQuerySet:
    """Leave out the StreamField bodies (one per language) where nothing shows them.

    Turning 14 body columns into StreamValues is most of the work of a list
    otherwise. Not for guides: their translation status reads the bodies.
    """
    return pages.defer("body", *(f"body_{code}" for code in language_codes()))


def guides() -> PageQuerySet:
    """Published guides with their author: one query."""
    return published(GuidePage.objects.all()).select_related("author")


def published_plans() -> PageQuerySet:
    """The policy plan, if it is published (there is at most one)."""
    return published(PolicyPlanPage.objects.all())


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
