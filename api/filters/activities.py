"""Filters of the activity list and calendar feed: one function per query parameter.

``ActivityFilterParams`` checks and documents the parameters; ``filter_activities``
applies them. Date filters match *occurrences* (the ``ActivityOccurrence`` rows
that cms materialises from each rule), not only an activity's first date.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from django.db.models import DateTimeField, Exists, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from rest_framework import serializers

from cms.fields import offers_language
from cms.geo import within_radius
from cms.models import ActivityOccurrence, ActivityPage, Category, Partner
from cms.translation.languages import language_codes

from .fields import (
    ChoiceParameterField,
    CoordinatesField,
    ExistingSlugField,
    MomentField,
    RadiusField,
    require_near_for_radius,
)

DEFAULT_RADIUS_KM = 10.0
# The list's sort key for activities without a matching occurrence: they come last.
NO_OCCURRENCE = datetime(9999, 12, 31, tzinfo=UTC)
SORT_KEY = "sort_at"


class ActivityFilterParams(serializers.Serializer):
    category = ExistingSlugField(
        Category, "category", "/api/v1/categories", required=False, help_text="A category slug."
    )
    partner = ExistingSlugField(
        Partner,
        "partner",
        "/api/v1/partners",
        required=False,
        help_text="A partner slug: activities it organises or co-organises.",
    )
    offered_language = ChoiceParameterField(
        language_codes(), required=False, help_text="A language spoken at the activity."
    )
    audience = ChoiceParameterField(
        ActivityPage.Audience.values, required=False, help_text="Exactly this audience."
    )
    starts_after = MomentField(
        required=False,
        help_text="ISO 8601 date or date-time (Amsterdam time without an offset): an occurrence "
        "starts at or after it.",
    )
    starts_before = MomentField(
        required=False,
        help_text="ISO 8601 date or date-time: an occurrence starts before it. With "
        "starts_after, one and the same occurrence lies in [starts_after, starts_before).",
    )
    near = CoordinatesField(
        required=False, help_text="lat,lon: activities within radius_km of this point."
    )
    radius_km = RadiusField(
        required=False, help_text=f"Kilometres around near (default {DEFAULT_RADIUS_KM:g})."
    )
    free = serializers.BooleanField(
        required=False, help_text="true: free activities only; false: paid ones only."
    )
    mixed_team = serializers.BooleanField(
        required=False, help_text="true: mixed teams only; false: everything else."
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        require_near_for_radius(attrs)
        after, before = attrs.get("starts_after"), attrs.get("starts_before")
        if after and before and before <= after:
            raise serializers.ValidationError(
                {"starts_before": "starts_before must be later than starts_after."}
            )
        return attrs


def by_category(activities: QuerySet, slug: str) -> QuerySet:
    """``category``: activities in the category with this slug."""
    return activities.filter(category__slug=slug)


def by_partner(activities: QuerySet, slug: str) -> QuerySet:
    """``partner``: activities the partner organises or co-organises."""
    co_organised = ActivityPage.co_organisers.through.objects.filter(
        activitypage=OuterRef("pk"), partner__slug=slug
    )
    return activities.filter(Q(organiser__slug=slug) | Exists(co_organised))


def by_offered_language(activities: QuerySet, code: str) -> QuerySet:
    """``offered_language``: activities where this language is spoken."""
    return activities.filter(offers_language("languages_offered", code))


def by_audience(activities: QuerySet, audience: str) -> QuerySet:
    """``audience``: activities meant for exactly this audience."""
    return activities.filter(audience=audience)


def by_free(activities: QuerySet, free: bool) -> QuerySet:
    """``free``: true keeps free activities, false keeps paid ones."""
    return activities.filter(is_free=free)


def by_mixed_team(activities: QuerySet, mixed_team: bool) -> QuerySet:
    """``mixed_team``: true keeps mixed teams, false keeps everything else."""
    no_team = Q(team_sport="")
    return activities.exclude(no_team) if mixed_team else activities.filter(no_team)


def by_distance(activities: QuerySet, near: tuple[float, float], radius_km: float) -> QuerySet:
    """``near`` and ``radius_km``: within that great-circle distance; adds ``distance_km``."""
    return within_radius(activities, near, radius_km)


def _in_window(after: datetime | None, before: datetime | None) -> Q:
    """Occurrences that start in [after, before); either bound may be open."""
    window = Q()
    if after is not None:
        window &= Q(starts_at__gte=after)
    if before is not None:
        window &= Q(starts_at__lt=before)
    return window


def by_dates(activities: QuerySet, after: datetime | None, before: datetime | None) -> QuerySet:
    """``starts_after`` and ``starts_before``: one occurrence starts in [after, before)."""
    matching = ActivityOccurrence.objects.filter(_in_window(after, before), activity=OuterRef("pk"))
    return activities.filter(Exists(matching))


def with_next_occurrence(
    activities: QuerySet, after: datetime | None, before: datetime | None, now: datetime
) -> QuerySet:
    """Annotate the first occurrence in the date window, or without one the first that has
    not ended by ``now`` (``next_starts_at``, ``next_ends_at``), and the sort key ``sort_at``.

    Subqueries of the same SQL statement: no query per activity.
    """
    window = _in_window(after, before) if after or before else Q(ends_at__gte=now)
    first = ActivityOccurrence.objects.filter(window, activity=OuterRef("pk")).order_by("starts_at")
    return activities.annotate(
        next_starts_at=Subquery(first.values("starts_at")[:1]),
        next_ends_at=Subquery(first.values("ends_at")[:1]),
    ).annotate(
        **{SORT_KEY: Coalesce("next_starts_at", Value(NO_OCCURRENCE), output_field=DateTimeField())}
    )


FILTERS = {
    "category": by_category,
    "partner": by_partner,
    "offered_language": by_offered_language,
    "audience": by_audience,
    "free": by_free,
    "mixed_team": by_mixed_team,
}


def filter_activities(activities: QuerySet, params: dict[str, Any], now: datetime) -> QuerySet:
    """Apply validated ``ActivityFilterParams``; annotate the next occurrence and sort key."""
    for name, apply in FILTERS.items():
        if name in params:
            activities = apply(activities, params[name])
    after, before = params.get("starts_after"), params.get("starts_before")
    if after is not None or before is not None:
        activities = by_dates(activities, after, before)
    if "near" in params:
        activities = by_distance(
            activities, params["near"], params.get("radius_km", DEFAULT_RADIUS_KM)
        )
    return with_next_occurrence(activities, after, before, now)
