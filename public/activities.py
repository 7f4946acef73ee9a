"""Selecting and ordering activities, for the API's list and feed and the site's pages.

``ActivityFilterParams`` checks and documents the query parameters and turns
them into an ``ActivityFilter``; ``select_activities`` applies one, with one
function per parameter. Date filters match *occurrences* (the
``ActivityOccurrence`` rows that cms materialises from each rule), not only an
activity's first date. ``activities``, ``without_bodies`` and ``in_language``
say what is read, in a fixed number of queries whatever the page size.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, replace
from datetime import date, datetime, time, timedelta
from types import SimpleNamespace
from typing import Any

from django.db.models import (
    Exists,
    F,
    FilteredRelation,
    FloatField,
    OuterRef,
    Q,
    QuerySet,
    Value,
)
from django.db.models.functions import Coalesce
from rest_framework import serializers
from wagtail.query import PageQuerySet

from cms.content_version.memo import remembered
from cms.fields import offers_language
from cms.geo import Circle, within_circle
from cms.models import ActivityOccurrence, ActivityPage, Category, Partner
from cms.models.activities import NO_UPCOMING
from cms.municipalities.registry import MunicipalityInfo
from cms.municipalities.scoping import published_to
from cms.publishing import published
from cms.recurrence import AMSTERDAM
from cms.taking_part.places import with_whole_activity_count
from cms.translation.fallback import fallback_chain
from cms.translation.languages import language_codes

from .parameters import (
    ChoiceParameterField,
    CoordinatesField,
    ExistingSlugField,
    MomentField,
    RadiusField,
    query_data,
    require_near_for_radius,
    validated,
)

DEFAULT_RADIUS_KM = 10.0
# The list's sort key for activities without a matching occurrence: they come last.
NO_OCCURRENCE = NO_UPCOMING
SORT_KEY = "sort_at"


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


@dataclass(frozen=True)
class ActivityFilter:
    """Which activities a reader asked for; ``None`` (or False-y absence) means "any".

    The parameter object both presenters build: the API from its query string
    (``ActivityFilterParams``), the site from its form and a few fixed windows.
    """

    category: str | None = None
    partner: str | None = None
    offered_language: str | None = None
    audience: str | None = None
    free: bool | None = None
    mixed_team: bool | None = None
    starts_after: datetime | None = None
    starts_before: datetime | None = None
    near: tuple[float, float] | None = None
    radius_km: float | None = None
    # ``near`` and ``radius_km`` as the SQL's numbers; None: worked out from them.
    # Given only where the numbers are stand-ins for a prepared query (api.activity_page_rows).
    circle: Circle | None = None
    # Not a query parameter of its own kind: the request's municipality (host or
    # ``?municipality=``), set by the presenter; None: every municipality.
    municipality: MunicipalityInfo | None = None

    def circle_on_map(self) -> Circle | None:
        """The circle ``near`` and ``radius_km`` ask for; None without ``near``."""
        if self.circle is not None or self.near is None:
            return self.circle
        radius = self.radius_km if self.radius_km is not None else DEFAULT_RADIUS_KM
        return Circle.around(self.near, radius)

    @classmethod
    def from_validated(cls, values: Mapping[str, Any]) -> ActivityFilter:
        """From ``ActivityFilterParams``' validated data (absent keys stay ``None``)."""
        names = {field.name for field in fields(cls)}
        return cls(**{key: value for key, value in values.items() if key in names})


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


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=AMSTERDAM)


def date_window(
    when: str, on: date | None, now: datetime
) -> tuple[datetime | None, datetime | None]:
    """``starts_after`` and ``starts_before`` of a "when" choice or of one day; never before now."""
    today = now.astimezone(AMSTERDAM).date()
    if on is not None:
        return max(now, _midnight(on)), _midnight(on + timedelta(days=1))
    if when == "today":
        return now, _midnight(today + timedelta(days=1))
    if when == "tomorrow":
        return _midnight(today + timedelta(days=1)), _midnight(today + timedelta(days=2))
    if when == "week":  # until Sunday night
        return now, _midnight(today + timedelta(days=7 - today.weekday()))
    if when == "weekend":
        saturday = today + timedelta(days=5 - today.weekday())  # on a Sunday: yesterday
        return max(now, _midnight(saturday)), _midnight(saturday + timedelta(days=2))
    if when == "month":
        return now, now + timedelta(days=30)
    return now, None


def _in_window(after: datetime | None, before: datetime | None, prefix: str = "") -> Q:
    """Occurrences that start in [after, before); either bound may be open."""
    window = Q()
    if after is not None:
        window &= Q(**{f"{prefix}starts_at__gte": after})
    if before is not None:
        window &= Q(**{f"{prefix}starts_at__lt": before})
    return window


def by_dates(activities: QuerySet, after: datetime | None, before: datetime | None) -> QuerySet:
    """One occurrence starts in [after, before) (what the site keeps offline)."""
    matching = ActivityOccurrence.objects.filter(_in_window(after, before), activity=OuterRef("pk"))
    return activities.filter(Exists(matching))


def first_in_window(
    activities: QuerySet, after: datetime | None, before: datetime | None
) -> QuerySet:
    """``starts_after`` and ``starts_before``: activities with an occurrence starting in
    [after, before), each with the first such occurrence (``next_starts_at``,
    ``next_ends_at``, the sort key ``sort_at``).

    A walk over ``ActivityOccurrence`` in start order rather than a subquery per
    matching activity: each activity is joined to its occurrences in the window
    and kept on the one with no earlier occurrence in the window. Sorted by that
    start and the activity's id, which PostgreSQL reads straight from the
    (starts_at, activity) index, so a page stops after a few index steps however
    many activities match (bench/: the geo + date list).
    """
    window = _in_window(after, before)
    in_window = FilteredRelation(
        "occurrences", condition=_in_window(after, before, "occurrences__")
    )
    # Built on every request: each call below copies the whole query, so there are as
    # few as the SQL allows. The isnull filter must come before the annotations read
    # the join (it makes the join inner; after them, Django joins the window again).
    joined = (
        activities.annotate(window_occurrence=in_window)
        .filter(window_occurrence__isnull=False)
        .annotate(
            next_starts_at=F("window_occurrence__starts_at"),
            next_ends_at=F("window_occurrence__ends_at"),
            window_occurrence_id=F("window_occurrence__id"),
            **{SORT_KEY: F("window_occurrence__starts_at")},
        )
    )
    earlier = ActivityOccurrence.objects.filter(
        window,
        Q(activity=OuterRef("pk")),
        Q(starts_at__lt=OuterRef("next_starts_at"))
        | Q(starts_at=OuterRef("next_starts_at"), pk__lt=OuterRef("window_occurrence_id")),
    )
    return joined.exclude(Exists(earlier))


def with_stored_next_occurrence(activities: QuerySet) -> QuerySet:
    """Without date filters: the next occurrence that has not ended, as stored on the
    activity (``cms.next_occurrence``), and the sort key ``sort_at``: that start, or after
    every date for activities without one. The key is the expression of the
    ``cms_activity_upcoming_order`` index, so a page is a walk along it with a LIMIT.
    """
    return activities.annotate(
        next_starts_at=F("upcoming_starts_at"),
        next_ends_at=F("upcoming_ends_at"),
        **{SORT_KEY: Coalesce("upcoming_starts_at", Value(NO_OCCURRENCE))},
    )


FILTERS = {
    "category": by_category,
    "partner": by_partner,
    "offered_language": by_offered_language,
    "audience": by_audience,
    "free": by_free,
    "mixed_team": by_mixed_team,
}


def parse_activity_filter(query: Mapping[str, str]) -> ActivityFilter:
    """The query string's activity filters; ``serializers.ValidationError`` names a bad one.

    During a public read, remembered per content version (the slugs' existence is the
    only thing it reads; an ``ActivityFilter`` is frozen): making the serializer deep-copies
    its eleven fields, a tenth of the list's Python time once its query was prepared.
    """
    asked = query_data(query)
    return remembered(
        ("activity filter", tuple(sorted(asked.items()))),
        lambda: ActivityFilter.from_validated(validated(ActivityFilterParams, asked)),
    )


def filter_activities(activities: QuerySet, wanted: ActivityFilter, now: datetime) -> QuerySet:
    """Apply ``wanted`` to ``activities``; annotate the next occurrence and the sort key.

    ``now`` is not read: without date filters the next occurrence is the stored one
    (``cms.next_occurrence``); the presenters' windows already start at their now.
    """
    activities = published_to(activities, wanted.municipality)
    for name, apply in FILTERS.items():
        value = getattr(wanted, name)
        if value is not None:
            activities = apply(activities, value)
    circle = wanted.circle_on_map()
    if circle is not None:
        activities = within_circle(activities, circle)
    after, before = wanted.starts_after, wanted.starts_before
    if after is not None or before is not None:
        return first_in_window(activities, after, before)
    return with_stored_next_occurrence(activities)


def listed_activities(wanted: ActivityFilter, language: str, now: datetime) -> QuerySet:
    """The API list: filtered, without bodies, only the texts ``language`` shows.

    Ordered by the paginator (``SORT_KEY``, then id).
    """
    return in_language(filter_activities(without_bodies(activities()), wanted, now), language)


def listed_rows(wanted: ActivityFilter, now: datetime) -> QuerySet:
    """The API list as the caller's ``.values()`` rows: filtered and annotated only.

    Not ``listed_activities``: ``.values()`` reads none of its related rows,
    prefetch or deferred columns, and building them is a fifth of the list's
    Python time (bench/RESULTS.md). Ordered by the paginator.
    """
    return filter_activities(
        with_whole_activity_count(published(ActivityPage.objects.all(), now)), wanted, now
    )


def calendar_activities(wanted: ActivityFilter, now: datetime) -> QuerySet:
    """The iCalendar feed: filtered, soonest first; it names no co-organisers, so no prefetch."""
    selected = filter_activities(without_bodies(activities()), wanted, now)
    return selected.prefetch_related(None).order_by(SORT_KEY, "pk")


def counted(wanted: ActivityFilter, now: datetime) -> QuerySet:
    """The activities ``upcoming(wanted, now, ...)`` lists, one row each, unordered: what
    the list counts (``public.upcoming_rows.count_up_to``, which stops past a limit: an
    exact count reads every match, 0.2 s for 14 000 sport activities of 100 000).

    With dates, ``first_in_window`` keeps one row per activity with an occurrence in
    the window (the first); counting those rows made PostgreSQL run the "no earlier
    occurrence" test for every match (0.6 s at 100 000 activities, bench/). An
    EXISTS per activity gives the same number. Unordered: the first ``n`` matches
    in any order count the same, and in the pages' tree order PostgreSQL walked the
    whole tree to find them (14 ms against 4 ms for 501 sport activities of 100 000).
    """
    after, before = wanted.starts_after, wanted.starts_before
    undated = replace(wanted, starts_after=None, starts_before=None)
    selected = filter_activities(published(ActivityPage.objects.all(), now), undated, now)
    if after is not None or before is not None:
        selected = by_dates(selected, after, before)
    return selected.order_by()


# What the site's activity card (``frontend_templates/includes/activity_card.html``)
# reads of an activity, besides its title and category name along the fallback chain
# and the annotations ``filter_activities`` adds (next start, distance).
CARD_FIELDS = ("slug", "recurrence", "location_name", "is_free", "team_sport", "languages_offered")
CARD_ANNOTATIONS = ("next_starts_at", "distance_km")


class ActivityCard(SimpleNamespace):
    """One activity as a card shows it: the columns it reads, by name, and ``category``
    (its names along the fallback chain, or None)."""


def upcoming(wanted: ActivityFilter, now: datetime, language: str) -> QuerySet:
    """Published activities matching ``wanted``, soonest occurrence first (the site's lists):
    rows of the columns a card shows in ``language``; ``cards`` makes them cards.

    A card shows a title, a category name and a few facts; a full row holds every
    text in 13 languages and 14 StreamField bodies, and building page objects from
    those was most of a list page's time (bench: site: activity list). Organisers,
    image and open spots are not on a card, so they are not read either.
    """
    chain = fallback_chain(language)
    selected = published(ActivityPage.objects.all(), now)
    if wanted.near is None:
        # Every card asks for a distance: None without "near", as the template expects.
        selected = selected.annotate(distance_km=Value(None, output_field=FloatField()))
    return (
        filter_activities(selected, wanted, now)
        .order_by(SORT_KEY, "pk")
        .values(
            *CARD_FIELDS,
            *CARD_ANNOTATIONS,
            "category_id",
            *(f"title_{code}" for code in chain),
            *(f"category__name_{code}" for code in chain),
        )
    )


def cards(rows: Iterable[dict[str, Any]]) -> list[ActivityCard]:
    """``upcoming``'s rows as cards: ``card.title_pl``, ``card.category.name_pl``, ..."""
    made = []
    for row in rows:
        fields = {key: value for key, value in row.items() if not key.startswith("category_")}
        category = None
        if row["category_id"] is not None:
            category = SimpleNamespace(
                **{
                    key.removeprefix("category__"): value
                    for key, value in row.items()
                    if key.startswith("category__")
                }
            )
        made.append(ActivityCard(**fields, category=category))
    return made


def activity(slug: str) -> ActivityPage | None:
    """One published activity with what its page shows, or None."""
    return activities().filter(slug=slug).first()


def calendar_activity(slug: str) -> ActivityPage | None:
    """One published activity for its own iCalendar file (no co-organisers), or None."""
    return activities().prefetch_related(None).filter(slug=slug).first()
