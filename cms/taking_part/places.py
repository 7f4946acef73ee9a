"""How many places are left, for the activity's page, its API detail and lists.

A fixed number of queries whatever the number of dates or activities: one
grouped query for a detail's dates, one correlated subquery (an annotation)
for a list, never one query per item.
"""

from __future__ import annotations

from datetime import date

from django.db.models import IntegerField, OuterRef, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce

from ..models import ActivityPage
from .capacity import signup_capacity
from .models import Signup

# The annotation ``with_whole_activity_count`` adds to each activity.
WHOLE_ACTIVITY_CONFIRMED = "signups_confirmed"


def takes_signups(activity: ActivityPage) -> bool:
    return activity.registration == ActivityPage.Registration.WEGWIJS


def confirmed_per_list(activity: ActivityPage, days: list[date | None]) -> dict[date | None, int]:
    """``{list date: confirmed people}`` for the given list dates (None: the whole activity)."""
    rows = (
        Signup.objects.filter(
            signup_list__activity=activity,
            status=Signup.Status.CONFIRMED,
        )
        .values("signup_list__date")
        .annotate(people=Sum("people"))
    )
    wanted = set(days)
    dated = [day for day in wanted if day is not None]
    if None in wanted and not dated:
        rows = rows.filter(signup_list__date__isnull=True)
    elif None not in wanted:
        rows = rows.filter(signup_list__date__in=dated)
    return {row["signup_list__date"]: row["people"] or 0 for row in rows}


def places_left(activity: ActivityPage, days: list[date | None]) -> dict[date | None, int | None]:
    """Places left on each list (None: unlimited); one query, none when unlimited."""
    capacity = signup_capacity(activity)
    if capacity is None:
        return {day: None for day in days}
    taken = confirmed_per_list(activity, days)
    return {day: max(capacity - taken.get(day, 0), 0) for day in days}


def with_whole_activity_count(activities: QuerySet) -> QuerySet:
    """Annotate the confirmed people on each activity's whole-activity list (a mixed team's)."""
    confirmed = (
        Signup.objects.filter(
            signup_list__activity=OuterRef("pk"),
            signup_list__date__isnull=True,
            status=Signup.Status.CONFIRMED,
        )
        .order_by()
        .values("signup_list__activity")
        .annotate(people=Sum("people"))
        .values("people")
    )
    return activities.annotate(
        **{WHOLE_ACTIVITY_CONFIRMED: Coalesce(Subquery(confirmed, output_field=IntegerField()), 0)}
    )


def open_team_spots(activity: ActivityPage) -> int | None:
    """A mixed team's open spots: its places less the members who joined through Wegwijs.

    Reads the annotation of ``with_whole_activity_count`` when the activity
    has it (lists), else asks (one query).
    """
    capacity = signup_capacity(activity)
    whole_list = not (activity.recurrence and activity.signups_per_date)
    if capacity is None or not takes_signups(activity) or not whole_list:
        return activity.open_spots
    confirmed = getattr(activity, WHOLE_ACTIVITY_CONFIRMED, None)
    if confirmed is None:
        confirmed = confirmed_per_list(activity, [None]).get(None, 0)
    return max(capacity - confirmed, 0)
