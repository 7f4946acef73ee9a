"""Partner profiles, and what each partner offers (the site's partner page)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import QuerySet

from cms.models import Partner
from cms.municipalities.registry import MunicipalityInfo
from cms.municipalities.scoping import published_to
from cms.translation.fallback import reading_order

from .activities import ActivityFilter, cards
from .guides import guides
from .policy import published_plans
from .upcoming_rows import upcoming_rows

ACTIVITIES_SHOWN = 20


def partners(municipality: MunicipalityInfo | None = None) -> QuerySet:
    """Every partner with its logo: one query."""
    return published_to(Partner.objects.select_related("logo"), municipality)


def partner(slug: str) -> Partner | None:
    return partners().filter(slug=slug).first()


@dataclass
class PartnerOffer:
    """What one partner offers: upcoming activities, its guides, its policy actions."""

    activities: list
    guides: list
    actions: list


def partner_offer(partner: Partner, now: datetime, language: str) -> PartnerOffer:
    """The activity filter's own partner rule: organised or co-organised.

    Guides sort by their titles as read in ``language`` (the fallback rule).
    """
    wanted = ActivityFilter(partner=partner.slug, starts_after=now)
    return PartnerOffer(
        activities=cards(upcoming_rows(wanted, now, language, 0, ACTIVITIES_SHOWN)),
        guides=list(
            guides().filter(author=partner).order_by(reading_order("title", language), "slug")
        ),
        actions=list(
            partner.policy_actions.filter(plan__in=published_plans()).select_related(
                "building_block"
            )
        ),
    )
