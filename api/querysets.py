"""What each endpoint reads: only published content, in a fixed number of queries.

Every relation a serializer touches is joined (``select_related``) or
prefetched here, so the number of queries of a request does not grow with the
page size or with the number of languages (translations are columns).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Prefetch, QuerySet
from wagtail.query import PageQuerySet

from cms.languages import fallback_chain, language_codes
from cms.models import ActivityPage, BuildingBlock, GuidePage, PolicyAction, PolicyPlanPage
from cms.publishing import published
from cms.taking_part.places import with_whole_activity_count

from .serializers.taxonomy import BLOCK_ACTIONS


def activities() -> PageQuerySet:
    """Published activities with their category, organisers and image: two queries.

    Each carries the people who joined it through Wegwijs as a whole (a mixed
    team's members), so that its open spots need no query per item.
    """
    return with_whole_activity_count(
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


# Translated columns that list items show (``api.serializers.activities``), and
# those they never show.
LISTED_TEXTS = ("title", "summary", "training_times")
UNLISTED_TEXTS = ("seo_title", "search_description")


def in_language(pages: PageQuerySet, language: str) -> PageQuerySet:
    """Leave out the translations a list in ``language`` never shows.

    A list item reads its texts along ``language``'s fallback chain only
    (three languages at most), but every activity row carries 13 of each, and
    its organiser 13 descriptions it does not show at all. Loading only what is
    shown makes the rows a fraction of the size (bench/RESULTS.md).
    """
    shown = set(fallback_chain(language))
    codes = language_codes()
    hidden = [f"{field}_{code}" for field in LISTED_TEXTS for code in codes if code not in shown]
    hidden += [f"{field}_{code}" for field in UNLISTED_TEXTS for code in codes]
    hidden += [f"category__name_{code}" for code in codes if code not in shown]
    hidden += ["organiser__description", *(f"organiser__description_{code}" for code in codes)]
    return pages.defer("translation_sources", *hidden)


def guides() -> PageQuerySet:
    """Published guides with their author: one query."""
    return published(GuidePage.objects.all()).select_related("author")


def published_plans() -> PageQuerySet:
    """The policy plan, if it is published (there is at most one).

    Ordered by the plan table's own key: under Page's default order (the tree
    path) PostgreSQL walks every page of the site to find the one plan, 0.17 s
    at 100 000 activities instead of 2 ms (bench/RESULTS.md).
    """
    return published(PolicyPlanPage.objects.all()).order_by("page_ptr_id")


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
