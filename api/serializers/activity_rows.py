"""Activity list items straight from ``.values()`` rows: the JSON of ``ActivityListSerializer``.

Once the list's SQL stopped growing with the matches (public/activities.py),
most of a page's time went into Python: an ``ActivityPage`` built from ~100
columns per row, then a serializer walking 25 fields with nested serializers
per item. Here each item is one dict built from the few columns it shows.

``ActivityListSerializer`` stays what the API documents (the OpenAPI schema is
made from it) and the reference: ``tests/api/test_activity_rows.py`` compares
both answers byte for byte over a varied set of activities. A field added to
one must be added to the other. The rules themselves (fallback, machine-text
label, open spots) are the same functions, read from a light row object.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, tzinfo
from types import SimpleNamespace
from typing import Any

from django.contrib.postgres.expressions import ArraySubquery
from django.db import connection
from django.db.models import OuterRef, QuerySet, Subquery
from django.db.models.functions import JSONObject
from rest_framework.settings import ISO_8601, api_settings
from wagtail.images import get_image_model

from cms.models import ActivityPage, Category, Partner
from cms.public_urls import public_path
from cms.taking_part.places import WHOLE_ACTIVITY_CONFIRMED, open_team_spots
from cms.translation.fallback import fallback_chain, object_language, translated_value
from cms.translation.provenance import machine_translated, unreviewed_machine_keys

from .activities import _AMOUNT, _MOMENT, ActivityListSerializer
from .common import absolute_url

# The texts a list item shows (title is the main one), and the category's.
ITEM_TEXTS = ("title", "summary", "training_times")
CATEGORY_TEXTS = ("name",)
# Plain columns of the activity a list item reads.
COLUMNS = (
    "pk",
    "slug",
    "starts_at",
    "ends_at",
    "recurrence",
    "signups_per_date",
    "location_name",
    "location_address",
    "lat",
    "lon",
    "languages_offered",
    "audience",
    "is_free",
    "cost_amount",
    "registration",
    "registration_url",
    "capacity",
    "team_sport",
    "team_level",
    "open_spots",
    "next_starts_at",
    "next_ends_at",
    WHOLE_ACTIVITY_CONFIRMED,
)
_DECLARED = ActivityListSerializer._declared_fields
_LANGUAGES = _DECLARED["languages_offered"]
_DISTANCE = _DECLARED["distance_km"]


class ActivityRow(SimpleNamespace):
    """A row read like an ``ActivityPage`` by the shared rules (fallback, machine texts, spots)."""

    _meta = ActivityPage._meta

    @property
    def is_mixed_team(self) -> bool:
        return bool(self.team_sport)


class CategoryRow(SimpleNamespace):
    _meta = Category._meta


def row_columns(language: str, with_distance: bool) -> list[str]:
    """What ``.values()`` reads of the activity: the columns above, the texts along
    ``language``'s chain (its category, organiser and image: ``list_rows``)."""
    chain = fallback_chain(language)
    texts = [f"{field}_{code}" for field in ITEM_TEXTS for code in chain]
    columns = [*COLUMNS, *texts, "category_id"]
    return [*columns, "distance_km"] if with_distance else columns


CO_ORGANISERS = "co_organiser_rows"
# One JSON object (or file name) per row for each related row an item shows.
RELATED = ("category_row", "organiser_row", "image_row")


def _related(language: str) -> dict[str, Subquery]:
    """The category, organiser and image an item shows, each a subquery of the row.

    Not joins: with the date window's occurrence join and its "no earlier
    occurrence" anti-join, three more joined tables made PostgreSQL's planning
    (spent on every request) longer than running the query (bench: the geo + date
    list). A subquery in the select list is planned on its own and run for the
    page's rows only, after the LIMIT.
    """
    names = {f"name_{code}": f"name_{code}" for code in fallback_chain(language)}
    # Plain querysets: modeltranslation's add the translated columns to ``.values()``.
    category = QuerySet(Category).filter(pk=OuterRef("category_id")).order_by()
    organiser = QuerySet(Partner).filter(pk=OuterRef("organiser_id")).order_by()
    image = QuerySet(get_image_model()).filter(pk=OuterRef("image_id")).order_by()
    return {
        "category_row": Subquery(category.values(json=JSONObject(slug="slug", **names))),
        "organiser_row": Subquery(organiser.values(json=JSONObject(slug="slug", name="name"))),
        "image_row": Subquery(image.values("file")),
    }


def list_rows(activities: QuerySet, language: str, with_distance: bool, *extra: str) -> QuerySet:
    """``activities`` as the rows ``list_items`` reads, each with its co-organisers.

    The co-organisers, ordered as Partner is (by name), come in the same query as
    an array per row: PostgreSQL evaluates it for the page's rows only (after the
    LIMIT), and a page costs one round trip less than with a query of its own.
    """
    # Without modeltranslation's rewriting: the columns are named per language already,
    # and its values() would pass every row through its fallback iterator (a copy).
    plain = activities.rewrite(False).annotate(**_related(language))
    columns = (*row_columns(language, with_distance), *RELATED, *extra)
    if connection.vendor != "postgresql":
        # ARRAY(subquery) is PostgreSQL's; elsewhere (the embedded SQLite) list_items
        # reads the page's co-organisers in one query of their own.
        return plain.values(*columns)
    named = (
        _co_organiser_links()
        .filter(activitypage=OuterRef("pk"))
        .values(partner_json=JSONObject(slug="partner__slug", name="partner__name"))
    )
    return plain.annotate(**{CO_ORGANISERS: ArraySubquery(named)}).values(*columns, CO_ORGANISERS)


def _co_organiser_links() -> QuerySet:
    # Ordered as Partner is (by name), as the serializer's answer lists them.
    return ActivityPage.co_organisers.through.objects.order_by("partner__name")


def _co_organisers_of_page(rows: list[dict]) -> None:
    """Without PostgreSQL's arrays: each row's co-organisers, for the whole page in one query."""
    named: dict[int, list[dict]] = {row["pk"]: [] for row in rows}
    links = _co_organiser_links().filter(activitypage__in=list(named))
    for activity, slug, name in links.values_list("activitypage", "partner__slug", "partner__name"):
        named[activity].append({"slug": slug, "name": name})
    for row in rows:
        row[CO_ORGANISERS] = named[row["pk"]]


def _flattened(row: dict) -> dict:
    """The related rows' values under the names ``_item`` reads (as ``.values()`` names
    joined columns)."""
    category, organiser = row.pop("category_row"), row.pop("organiser_row")
    row["category__slug"] = category["slug"]
    for name, value in category.items():
        if name != "slug":
            row[f"category__{name}"] = value
    row["organiser__slug"], row["organiser__name"] = organiser["slug"], organiser["name"]
    row["image__file"] = row.pop("image_row")
    return row


def _co_organisers(named: list[dict]) -> list[dict[str, str]]:
    # In the serializer's key order (jsonb keeps its own).
    return [{"slug": partner["slug"], "name": partner["name"]} for partner in named]


def _image_url(context: dict, name: str | None) -> str | None:
    if not name:
        return None
    storage = get_image_model()._meta.get_field("file").storage
    return absolute_url(SimpleNamespace(context=context), storage.url(name))


def _answer_zone() -> tzinfo | None:
    """The zone ``_MOMENT`` writes moments in for this answer, when it writes ISO 8601 in
    the active time zone (DRF's default); None: leave each moment to ``_MOMENT``."""
    shape = getattr(_MOMENT, "format", api_settings.DATETIME_FORMAT)
    if hasattr(_MOMENT, "timezone") or not isinstance(shape, str) or shape.lower() != ISO_8601:
        return None
    return _MOMENT.default_timezone()


class _Answer:
    """What every item of one answer shares: its language, the machine-text keys and
    the time zone its moments are written in."""

    def __init__(self, context: dict):
        self.context = context
        self.language = context["language"]
        self._keys = None
        # DRF's DateTimeField looks the active zone up for every moment (a fifth of an item).
        self.zone = _answer_zone()

    def moment(self, value: datetime | None) -> str | None:
        """``_MOMENT.to_representation(value)``, with the zone read once per answer."""
        if value is None or self.zone is None or value.utcoffset() is None:
            return _MOMENT.to_representation(value)
        try:
            text = value.astimezone(self.zone).isoformat()
        except OverflowError:  # DRF's own error for it
            return _MOMENT.to_representation(value)
        return text[:-6] + "Z" if text.endswith("+00:00") else text

    def machine(self, obj: Any, fields: tuple[str, ...]) -> bool:
        if self._keys is None:
            # The serializers keep them in the context too: one query per answer.
            self._keys = self.context.setdefault(
                "_unreviewed_machine_keys", unreviewed_machine_keys(fallback_chain(self.language))
            )
        return machine_translated(obj, self.language, self._keys, fields)

    def language_fields(self, obj: Any, main: str, fields: tuple[str, ...]) -> dict:
        shown = object_language(obj, (main,), self.language)
        return {
            "language": shown.language,
            "translated": shown.translated,
            "fallback_language": shown.fallback_language,
            "machine_translated": self.machine(obj, fields),
        }


def _category(row: dict, answer: _Answer) -> dict:
    names = {
        f"name_{code}": row[f"category__name_{code}"] for code in fallback_chain(answer.language)
    }
    category = CategoryRow(pk=row["category_id"], **names)
    return {
        "slug": row["category__slug"],
        "name": translated_value(category, "name", answer.language).text or "",
        **answer.language_fields(category, "name", CATEGORY_TEXTS),
    }


def _item(row: dict, co_organisers: list[dict], answer: _Answer) -> dict:
    activity = ActivityRow(**row)
    language = answer.language
    amount = None if activity.is_free else activity.cost_amount
    mixed_team = None
    if activity.is_mixed_team:
        training_times = translated_value(activity, "training_times", language).text
        mixed_team = {
            "sport": activity.team_sport,
            "level": activity.team_level,
            "training_times": training_times or None,
            "open_spots": open_team_spots(activity),
        }
    item = {
        "slug": activity.slug,
        "url": public_path("activity", activity.slug, language),
        "title": translated_value(activity, "title", language).text or "",
        "summary": translated_value(activity, "summary", language).text or "",
        "category": _category(row, answer),
        "organiser": {"slug": row["organiser__slug"], "name": row["organiser__name"]},
        "co_organisers": co_organisers,
        "starts_at": answer.moment(activity.starts_at),
        "ends_at": None if activity.ends_at is None else answer.moment(activity.ends_at),
        "recurrence": activity.recurrence or None,
        "location": {
            "name": activity.location_name or None,
            "address": activity.location_address or None,
            "lat": activity.lat,
            "lon": activity.lon,
        },
        "languages_offered": _LANGUAGES.to_representation(activity.languages_offered),
        "audience": activity.audience,
        "cost": {
            "free": activity.is_free,
            "amount": None if amount is None else _AMOUNT.to_representation(amount),
        },
        "registration": {
            "required": activity.registration != ActivityPage.Registration.NONE,
            "type": activity.registration,
            "url": activity.registration_url or None,
            "capacity": activity.capacity,
        },
        "image": _image_url(answer.context, row["image__file"]),
        "mixed_team": mixed_team,
        # What occurrence_data gives.
        "next_occurrence": None
        if activity.next_starts_at is None
        else {
            "starts_at": answer.moment(activity.next_starts_at),
            "ends_at": answer.moment(activity.next_ends_at),
        },
    }
    if "distance_km" in row:
        item["distance_km"] = _DISTANCE.to_representation(row["distance_km"])
    item.update(answer.language_fields(activity, "title", ITEM_TEXTS))
    return item


def list_items(rows: Iterable[dict], context: dict) -> list[dict]:
    """The list's items for ``rows`` (from ``list_rows``), in their order: if any item
    needs it, one query for the machine texts."""
    answer = _Answer(context)
    rows = list(rows)
    if rows and CO_ORGANISERS not in rows[0]:
        _co_organisers_of_page(rows)
    return [_item(_flattened(row), _co_organisers(row.pop(CO_ORGANISERS)), answer) for row in rows]


__all__ = ["list_items", "list_rows", "row_columns"]
