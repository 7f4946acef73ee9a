"""Language buddies: taking offers and requests in, suggesting pairs, making and ending matches.

Suggested pairs are what a coordinator would look at first: both in the same
project, and the buddy has room. They are ranked by what makes a pair work
in practice: living in the same village (meeting is easy), a shared language
(the first conversations need one), the help wished for being on offer, a
moment both can meet, and how long the migrant has waited (nobody is
overtaken forever). The coordinator decides; nothing is matched automatically.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db import IntegrityError, transaction
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..contact_point.intake import new_reference
from ..places import villages
from .buddy_models import (
    BuddyHelp,
    BuddyMatch,
    BuddyOffer,
    BuddyPerson,
    BuddyProject,
    BuddyRequest,
)

# How much each reason weighs when ranking pairs (a shared village beats a month of waiting).
SAME_VILLAGE = 3.0
SHARED_LANGUAGE = 2.0
PER_WISH_ON_OFFER = 1.0
SHARED_TIME = 1.0
PER_WEEK_WAITED = 0.1


def project_for(village: str) -> BuddyProject | None:
    """The buddy project that covers ``village`` (a named one before a whole-municipality one)."""
    projects = list(BuddyProject.objects.select_related("partner"))
    named = [project for project in projects if project.villages and village in project.villages]
    anywhere = [project for project in projects if not project.villages]
    found = named or anywhere
    return found[0] if found else None


def receive(person: BuddyPerson, cleaned: dict, now: datetime | None = None) -> BuddyPerson:
    """Store an offer or request from its form's cleaned data, handed to its village's project."""
    for name in ("name", "contact_method", "contact_value", "language", "languages", "village"):
        setattr(person, name, cleaned[name])
    person.times = list(cleaned["times"])
    person.help = list(cleaned["help"])
    person.project = project_for(cleaned["village"])
    person.created_at = now or timezone.now()
    while True:
        person.reference = new_reference()
        try:
            with transaction.atomic():
                person.save()
        except IntegrityError:
            if type(person).objects.filter(reference=person.reference).exists():
                continue
            raise
        return person


@dataclass(frozen=True)
class Suggestion:
    request: BuddyRequest
    offer: BuddyOffer
    score: float
    reasons: tuple[str, ...]


def score(request: BuddyRequest, offer: BuddyOffer, now: datetime) -> Suggestion:
    """The pair's points and its reasons, worded in the active language (the coordinator's)."""
    reasons = []
    points = 0.0
    if request.village == offer.village:
        points += SAME_VILLAGE
        reasons.append(_("same village"))
    shared = sorted(set(request.languages) & set(offer.languages))
    if shared:
        points += SHARED_LANGUAGE
        reasons.append(_("both speak %(languages)s") % {"languages": ", ".join(shared)})
    wishes = set(request.help) & set(offer.help)
    if wishes:
        points += PER_WISH_ON_OFFER * len(wishes)
        labels = dict(BuddyHelp.choices)
        offered = ", ".join(str(labels.get(wish, wish)) for wish in sorted(wishes))
        reasons.append(_("offers: %(help)s") % {"help": offered})
    if set(request.times) & set(offer.times):
        points += SHARED_TIME
        reasons.append(_("can meet at the same moments"))
    weeks = (now - request.created_at).days // 7
    points += PER_WEEK_WAITED * weeks
    reasons.append(
        ngettext("waiting %(weeks)s week", "waiting %(weeks)s weeks", weeks) % {"weeks": weeks}
    )
    return Suggestion(request, offer, round(points, 2), tuple(reasons))


def suggested_pairs(
    requests: QuerySet[BuddyRequest], offers: QuerySet[BuddyOffer], now: datetime | None = None
) -> list[Suggestion]:
    """The best buddy for each waiting request, best pairs first (requests and offers the
    coordinator may see; only pairs within one project)."""
    now = now or timezone.now()
    waiting = list(requests.filter(status=BuddyRequest.Status.WAITING))
    available = list(offers.filter(status=BuddyOffer.Status.AVAILABLE))
    best = []
    for request in waiting:
        candidates = [
            score(request, offer, now)
            for offer in available
            if offer.project_id == request.project_id
        ]
        if candidates:
            best.append(max(candidates, key=lambda s: s.score))
    return sorted(best, key=lambda s: s.score, reverse=True)


@transaction.atomic
def make_match(request: BuddyRequest, offer: BuddyOffer, now: datetime | None = None) -> BuddyMatch:
    """Pair them: both leave their lists; the match waits for the introduction."""
    now = now or timezone.now()
    request = BuddyRequest.objects.select_for_update().get(pk=request.pk)
    offer = BuddyOffer.objects.select_for_update().get(pk=offer.pk)
    if request.status != BuddyRequest.Status.WAITING or offer.status != BuddyOffer.Status.AVAILABLE:
        raise ValueError("Both must still be waiting and available.")
    request.status = BuddyRequest.Status.MATCHED
    offer.status = BuddyOffer.Status.MATCHED
    request.save(update_fields=["status"])
    offer.save(update_fields=["status"])
    return BuddyMatch.objects.create(request=request, offer=offer, created_at=now)


@transaction.atomic
def end_match(match: BuddyMatch, reason: str, now: datetime | None = None) -> None:
    """End a match with its reason; the buddy is available again unless they stopped."""
    now = now or timezone.now()
    match.status = BuddyMatch.Status.ENDED
    match.end_reason = reason
    match.ended_at = now
    match.save(update_fields=["status", "end_reason", "ended_at"])
    if reason not in (BuddyMatch.EndReason.BUDDY_STOPPED, BuddyMatch.EndReason.MOVED):
        BuddyOffer.objects.filter(pk=match.offer_id, status=BuddyOffer.Status.MATCHED).update(
            status=BuddyOffer.Status.AVAILABLE
        )


@dataclass(frozen=True)
class VillageCount:
    village: str
    name: str
    migrants_waiting: int
    buddies_available: int


def counts_per_village() -> list[VillageCount]:
    """Per village: migrants waiting for a buddy and buddies available (two queries)."""
    waiting = dict(
        BuddyRequest.objects.filter(status=BuddyRequest.Status.WAITING)
        .values_list("village")
        .annotate(n=Count("pk"))
    )
    available = dict(
        BuddyOffer.objects.filter(status=BuddyOffer.Status.AVAILABLE)
        .values_list("village")
        .annotate(n=Count("pk"))
    )
    return [
        VillageCount(v.slug, v.name, waiting.get(v.slug, 0), available.get(v.slug, 0))
        for v in villages()
    ]


def still_personal(rows: QuerySet) -> QuerySet:
    return rows.filter(Q(personal_data_erased_at__isnull=True))
