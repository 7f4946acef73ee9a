"""Erasing the personal data of sign-ups and language buddies once it has served its purpose.

What is erased: the name, the way of contact and (sign-ups) the cancel
link's hash. What stays is anonymous and keeps the counts: for a sign-up its
list (activity, date), the number of people, status and attended; for a
buddy offer or request its village, languages, wishes, status and the day it
came in; a match keeps its dates and the reason it ended.

When:

- a sign-up, ``SIGNUP_RETENTION_DAYS`` (14) after its date; on a list for a
  whole activity, after the activity's last date, or, for a team that never
  ends, after the sign-up was cancelled; any sign-up at the latest
  ``SIGNUP_MAX_DAYS`` (a year) after it was made;
- a buddy offer or request, ``BUDDY_ENDED_RETENTION_DAYS`` (90) after its
  last match ended, or ``BUDDY_WAITING_RETENTION_DAYS`` (365) after it came in
  if it was never matched (it leaves the waiting list: nobody could reach it).

``manage.py purge_taking_part_data [--now ...]`` runs this; cron runs it daily.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from ..recurrence import AMSTERDAM, occurrences
from .buddy_models import BuddyMatch, BuddyOffer, BuddyRequest
from .models import Signup, SignupList

SIGNUP_MAX_DAYS = 365
SIGNUP_PERSONAL = {"name": "", "contact_method": "", "contact_value": "", "cancel_token_hash": ""}
BUDDY_PERSONAL = {"name": "", "contact_method": "", "contact_value": ""}


@dataclass(frozen=True)
class Erased:
    signups: int
    buddy_offers: int
    buddy_requests: int


def last_day(signup_list: SignupList) -> date | None:
    """The last day of a list's activity (its own date, or the rule's last); None: never ends."""
    if signup_list.date:
        return signup_list.date
    activity = signup_list.activity
    rule = activity.recurrence.upper()
    if rule and "COUNT=" not in rule and "UNTIL=" not in rule:
        return None
    last = None
    for found in occurrences(activity.starts_at, activity.ends_at, activity.recurrence):
        last = found
    return last.starts_at.astimezone(AMSTERDAM).date() if last else None


def expired_signups(now: datetime) -> list[int]:
    days = timedelta(days=settings.SIGNUP_RETENTION_DAYS)
    today = timezone.localtime(now).date()
    holding = Signup.objects.filter(personal_data_erased_at__isnull=True)
    expired = set(
        holding.filter(
            Q(created_at__lt=now - timedelta(days=SIGNUP_MAX_DAYS))
            | Q(status=Signup.Status.CANCELLED, cancelled_at__lt=now - days)
        ).values_list("pk", flat=True)
    )
    lists = SignupList.objects.filter(pk__in=holding.values("signup_list")).select_related(
        "activity"
    )
    for signup_list in lists:
        day = last_day(signup_list)
        if day is not None and day + days < today:
            expired |= set(holding.filter(signup_list=signup_list).values_list("pk", flat=True))
    return sorted(expired)


def _expired_people(model, now: datetime) -> list[int]:
    ended_before = now - timedelta(days=settings.BUDDY_ENDED_RETENTION_DAYS)
    waited_before = now - timedelta(days=settings.BUDDY_WAITING_RETENTION_DAYS)
    holding = model.objects.filter(personal_data_erased_at__isnull=True)
    running = Q(matches__status__in=[s for s in BuddyMatch.Status.values if s != "ended"])
    with_ended = (
        holding.exclude(running)
        .annotate(last_end=Max("matches__ended_at"))
        .filter(last_end__lt=ended_before)
    )
    never_matched = holding.filter(matches__isnull=True, created_at__lt=waited_before)
    return sorted(
        set(with_ended.values_list("pk", flat=True))
        | set(never_matched.values_list("pk", flat=True))
    )


@transaction.atomic
def erase_expired_personal_data(now: datetime) -> Erased:
    """Erase what has expired at ``now``; the rows stay, as counts."""
    signups = Signup.objects.filter(pk__in=expired_signups(now)).update(
        **SIGNUP_PERSONAL, personal_data_erased_at=now
    )
    counts = []
    for model, gone in (
        (BuddyOffer, BuddyOffer.Status.WITHDRAWN),
        (BuddyRequest, BuddyRequest.Status.WITHDRAWN),
    ):
        rows = model.objects.filter(pk__in=_expired_people(model, now))
        rows.exclude(status="matched").update(status=gone)
        counts.append(rows.update(**BUDDY_PERSONAL, personal_data_erased_at=now))
    return Erased(signups, *counts)
