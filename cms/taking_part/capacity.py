"""Who gets a place and who waits: the one place where sign-ups are counted.

Every change to a list (a sign-up, a cancellation) first locks the list's row
(``SELECT ... FOR UPDATE``) and then counts: twenty people asking for the last
place at the same moment are counted one after the other, so one gets it and
nineteen wait. The row is created on the first sign-up with an insert that
ignores a conflict, so two first sign-ups cannot create two lists either.

Waiting list: when places come free, the waiting are confirmed in the order
they signed up, each one who fits: a group of three that does not fit in one
free place keeps its position, and the person behind it who does fit is not
kept waiting for it. A newcomer is confirmed when their group fits; since the
waiting who fit are always promoted at once, nobody who waits could have used
that place.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone

from ..contact_point.intake import new_reference
from ..models import ActivityPage
from .models import Signup, SignupList
from .tokens import new_cancel_token, token_hash

Status = Signup.Status


class DuplicateSignup(Exception):
    """This contact is already on this list (not cancelled)."""


@dataclass(frozen=True)
class SignupRequest:
    """A sign-up that passed ``cms.taking_part.forms.SignupForm``."""

    name: str
    contact_method: str
    contact_value: str
    language: str
    people: int
    date: date | None  # the list's date; None: the whole activity


@dataclass(frozen=True)
class SignedUp:
    """The new sign-up, and the cancel link's secret (never stored, so only told once)."""

    signup: Signup
    cancel_token: str
    position: int | None


def signup_capacity(activity: ActivityPage) -> int | None:
    """Places on each list of the activity; None: unlimited.

    A mixed team without its own capacity takes its open spots: the club's
    captain fills them through the same sign-ups.
    """
    if activity.capacity is not None:
        return activity.capacity
    if activity.is_mixed_team:
        return activity.open_spots
    return None


def list_date(activity: ActivityPage, occurrence: date | None) -> date | None:
    """The date of the list a sign-up goes on: the occurrence's, or None for the whole activity."""
    if activity.recurrence and activity.signups_per_date:
        return occurrence
    return None


def _locked_list(activity: ActivityPage, day: date | None) -> SignupList:
    SignupList.objects.bulk_create([SignupList(activity=activity, date=day)], ignore_conflicts=True)
    return SignupList.objects.select_for_update().get(activity=activity, date=day)


def confirmed_people(signup_list: SignupList) -> int:
    total = signup_list.signups.filter(status=Status.CONFIRMED).aggregate(n=Sum("people"))["n"]
    return total or 0


def waiting_position(signup: Signup) -> int | None:
    """1 for the first in line; None when the sign-up is not waiting."""
    if signup.status != Status.WAITING:
        return None
    ahead = Signup.objects.filter(
        signup_list_id=signup.signup_list_id,
        status=Status.WAITING,
        created_at__lt=signup.created_at,
    ).count()
    tied = Signup.objects.filter(
        signup_list_id=signup.signup_list_id,
        status=Status.WAITING,
        created_at=signup.created_at,
        pk__lt=signup.pk,
    ).count()
    return ahead + tied + 1


@transaction.atomic
def sign_up(
    activity: ActivityPage, request: SignupRequest, now: datetime | None = None
) -> SignedUp:
    """Put a person on the list: confirmed if their group fits, else waiting.

    Raises ``DuplicateSignup`` when the same contact is already on this list.
    ``now`` defaults to the moment the lock was granted: the waiting list's
    order is the order in which the database let people through.
    """
    signup_list = _locked_list(activity, request.date)
    now = now or timezone.now()
    duplicate = signup_list.signups.filter(
        contact_method=request.contact_method, contact_value=request.contact_value
    ).exclude(status=Status.CANCELLED)
    if duplicate.exists():
        raise DuplicateSignup
    capacity = signup_capacity(activity)
    fits = capacity is None or confirmed_people(signup_list) + request.people <= capacity
    token = new_cancel_token()
    signup = Signup(
        signup_list=signup_list,
        name=request.name,
        contact_method=request.contact_method,
        contact_value=request.contact_value,
        language=request.language,
        people=request.people,
        status=Status.CONFIRMED if fits else Status.WAITING,
        cancel_token_hash=token_hash(token),
        created_at=now,
        confirmed_at=now if fits else None,
    )
    while True:
        signup.reference = new_reference()
        try:
            with transaction.atomic():
                signup.save()
        except IntegrityError:
            if Signup.objects.filter(reference=signup.reference).exists():
                continue
            raise
        break
    return SignedUp(signup, token, waiting_position(signup))


@transaction.atomic
def cancel(signup: Signup, now: datetime | None = None) -> list[Signup]:
    """Cancel a sign-up and confirm the waiting who now fit; returns those promoted."""
    now = now or timezone.now()
    signup_list = SignupList.objects.select_for_update().get(pk=signup.signup_list_id)
    signup.refresh_from_db()
    if signup.status == Status.CANCELLED:
        return []
    signup.status = Status.CANCELLED
    signup.cancelled_at = now
    signup.save(update_fields=["status", "cancelled_at"])
    return promote_waiting(signup_list, now)


def promote_waiting(signup_list: SignupList, now: datetime) -> list[Signup]:
    """Confirm, in order, each waiting sign-up that fits (the list must be locked)."""
    capacity = signup_capacity(signup_list.activity)
    free = None if capacity is None else capacity - confirmed_people(signup_list)
    promoted = []
    for waiting in signup_list.signups.filter(status=Status.WAITING).order_by("created_at", "pk"):
        if free is not None and waiting.people > free:
            continue
        waiting.status = Status.CONFIRMED
        waiting.confirmed_at = now
        waiting.save(update_fields=["status", "confirmed_at"])
        promoted.append(waiting)
        if free is not None:
            free -= waiting.people
    return promoted


@transaction.atomic
def recount(activity: ActivityPage, now: datetime | None = None) -> list[Signup]:
    """After an editor raised the capacity: promote the waiting who now fit, on every list."""
    now = now or timezone.now()
    promoted = []
    for signup_list in SignupList.objects.select_for_update().filter(activity=activity):
        signup_list.activity = activity
        promoted += promote_waiting(signup_list, now)
    return promoted
