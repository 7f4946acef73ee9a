"""From one import record to model field values, per content type.

Each ``read_*`` function checks a record and returns the values to store; it
raises ``InvalidField`` naming the record's field. Cross-record references
(partner, category, building block slugs) are resolved through ``Lookups``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..models import (
    ActivityPage,
    BuildingBlock,
    Category,
    GuidePage,
    Municipality,
    Partner,
    PolicyAction,
)
from ..safe_html import is_web_address
from ..translation.languages import language_codes
from . import values as v
from .errors import InvalidField


@dataclass
class Lookups:
    """Slug → object maps, filled from the database and by earlier records of the file."""

    partners: dict[str, Partner] = field(default_factory=dict)
    categories: dict[str, Category] = field(default_factory=dict)
    building_blocks: dict[str, BuildingBlock] = field(default_factory=dict)
    municipalities: dict[str, Municipality] = field(default_factory=dict)
    # Municipality id → its site's home and sections, read once per import.
    structures: dict[int, Any] = field(default_factory=dict)
    # The first municipality's (``ensure_site_structure``), when a caller of
    # ``import_activity`` read it once for many records (a calendar feed).
    default_structure: Any = None

    @classmethod
    def load(cls) -> Lookups:
        return cls(
            municipalities={
                m.slug: m
                for m in Municipality.objects.select_related("site").prefetch_related("villages")
            },
            partners={p.slug: p for p in Partner.objects.all()},
            categories={c.slug: c for c in Category.objects.all()},
            building_blocks={b.slug: b for b in BuildingBlock.objects.all()},
        )

    def partner(self, slug: Any, path: str) -> Partner:
        if not isinstance(slug, str) or slug not in self.partners:
            raise InvalidField(path, f"unknown partner '{slug}'")
        return self.partners[slug]

    def category(self, slug: Any) -> Category:
        if slug not in self.categories:
            raise InvalidField(
                "category", f"unknown category '{slug}'; use one of {', '.join(self.categories)}"
            )
        return self.categories[slug]

    def building_block(self, slug: Any) -> BuildingBlock:
        if slug not in self.building_blocks:
            raise InvalidField(
                "building_block",
                f"unknown building block '{slug}'; use one of {', '.join(self.building_blocks)}",
            )
        return self.building_blocks[slug]

    def partner_list(self, record: Mapping, key: str) -> list[Partner]:
        slugs = record.get(key) or []
        if not isinstance(slugs, list):
            raise InvalidField(key, "must be a list of partner slugs")
        return [self.partner(slug, f"{key}[{i}]") for i, slug in enumerate(slugs)]


def per_language(name: str, texts: dict[str, str]) -> dict[str, str]:
    """``{"nl": "x"}`` → ``{"name_nl": "x", ..., "name": <Dutch>}``."""
    fields = {f"{name}_{code}": text for code, text in texts.items()}
    fields[name] = texts.get("nl", "")
    return fields


def per_language_body(texts: dict[str, str]) -> dict[str, Any]:
    fields = {f"body_{code}": v.body_blocks(text) for code, text in texts.items()}
    fields["body"] = fields["body_nl"]
    return fields


def read_calendar(record: Mapping, lookups: Lookups) -> dict[str, Any]:
    """``"calendar": {"url", "category", "language", "languages_offered", "publish"}``."""
    calendar = v.section(record, "calendar")
    if not calendar:
        return {
            "calendar_url": "",
            "calendar_category_id": None,
            "calendar_language": "nl",
            "calendar_languages": [],
            "calendar_publish": False,
        }
    url = v.text(calendar, "url", path="calendar.url", max_length=500, required_value=True)
    web_url = "https://" + url[len("webcal://") :] if url.lower().startswith("webcal://") else url
    if not is_web_address(web_url):
        raise InvalidField("calendar.url", f"'{url}' is not an https:// or webcal:// address")
    slug = calendar.get("category")
    if slug not in lookups.categories:
        raise InvalidField(
            "calendar.category",
            f"unknown category '{slug}'; use one of {', '.join(lookups.categories)}",
        )
    publish = calendar.get("publish", False)
    if not isinstance(publish, bool):
        raise InvalidField("calendar.publish", "must be true or false")
    languages = v.language_list(calendar, "languages_offered")
    language = calendar.get("language", "nl")
    if language not in language_codes():
        raise InvalidField(
            "calendar.language",
            f"unknown language '{language}'; use one of {', '.join(language_codes())}",
        )
    return {
        "calendar_url": url,
        "calendar_category_id": lookups.categories[slug].pk,
        "calendar_language": language,
        "calendar_languages": languages,
        "calendar_publish": publish,
    }


def read_partner(record: Mapping, lookups: Lookups) -> dict[str, Any]:
    location = v.section(record, "location")
    return {
        **read_calendar(record, lookups),
        "name": v.text(record, "name", max_length=200, required_value=True),
        "type": v.choice(record, "type", Partner.Type.values),
        **per_language("description", v.translations(record, "description")),
        "website": v.web_address(record, "website"),
        "email": v.text(record, "email", max_length=254),
        "phone": v.text(record, "phone", max_length=40),
        "address": v.text(location, "address", path="location.address", max_length=255),
        "lat": v.number(location, "lat", path="location.lat", low=-90, high=90),
        "lon": v.number(location, "lon", path="location.lon", low=-180, high=180),
        "languages_spoken": v.language_list(record, "languages_spoken"),
    }


def _page_texts(record: Mapping) -> dict[str, Any]:
    return {
        **per_language(
            "title", v.translations(record, "title", required_language="nl", max_length=255)
        ),
        **per_language(
            "summary", v.translations(record, "summary", required_language="nl", max_length=500)
        ),
        **per_language_body(v.translations(record, "body")),
    }


def read_activity(record: Mapping, lookups: Lookups) -> tuple[dict[str, Any], dict[str, list]]:
    location = v.section(record, "location")
    cost = v.section(record, "cost")
    registration = v.section(record, "registration")
    team = v.section(record, "mixed_team")

    is_free = cost.get("free", True)
    if not isinstance(is_free, bool):
        raise InvalidField("cost.free", "must be true or false")
    cost_amount = v.amount(cost, "amount", path="cost.amount")
    if not is_free and cost_amount is None:
        raise InvalidField("cost.amount", "is required when the activity is not free")

    needs_registration = registration.get("required", False)
    if not isinstance(needs_registration, bool):
        raise InvalidField("registration.required", "must be true or false")
    registration_type = "none"
    if needs_registration:
        registration_type = v.choice(
            registration,
            "type",
            ["link", "on_request", "wegwijs"],
            path="registration.type",
            default="on_request",
        )
    registration_url = v.web_address(registration, "url", path="registration.url")
    if registration_type == "link" and not registration_url:
        raise InvalidField("registration.url", "is required when registration is by link")
    # Sign-ups through Wegwijs: places per date for a weekly activity, unless the
    # record says the capacity holds for the whole series (a course, a team).
    signups_per_date = registration.get("per_date", not team)
    if not isinstance(signups_per_date, bool):
        raise InvalidField("registration.per_date", "must be true or false")

    team_fields: dict[str, Any] = {
        "team_sport": "",
        "team_level": "",
        "open_spots": None,
        **per_language("training_times", dict.fromkeys(language_codes(), "")),
    }
    if team:
        team_fields = {
            "team_sport": v.text(
                team, "sport", path="mixed_team.sport", max_length=100, required_value=True
            ),
            "team_level": v.choice(
                team,
                "level",
                ActivityPage.TeamLevel.values,
                path="mixed_team.level",
                default="recreational",
            ),
            "open_spots": v.whole_number(team, "open_spots", path="mixed_team.open_spots"),
            **per_language(
                "training_times",
                v.translations(team, "training_times", path="mixed_team.training_times"),
            ),
        }

    recurrence = record.get("recurrence") or ""
    if not isinstance(recurrence, str):
        raise InvalidField("recurrence", "must be an RFC 5545 RRULE text")
    exceptions = record.get("recurrence_exceptions") or []
    if not isinstance(exceptions, list):
        raise InvalidField("recurrence_exceptions", "must be a list of ISO 8601 date-times")
    for index, value in enumerate(exceptions):
        v.aware_datetime({"value": value}, "value", path=f"recurrence_exceptions[{index}]")

    fields = {
        **_page_texts(record),
        "category": lookups.category(record.get("category")),
        "organiser": lookups.partner(record.get("partner"), "partner"),
        "starts_at": v.aware_datetime(record, "starts_at", required_value=True),
        "ends_at": v.aware_datetime(record, "ends_at"),
        "recurrence": recurrence.strip(),
        "recurrence_exceptions": sorted(exceptions),
        # The record's own place: an activity that the admin had put at a venue
        # is held where the file says from now on.
        "venue": None,
        "location_name": v.text(location, "name", path="location.name", max_length=200),
        "location_address": v.text(location, "address", path="location.address", max_length=255),
        "lat": v.number(location, "lat", path="location.lat", low=-90, high=90),
        "lon": v.number(location, "lon", path="location.lon", low=-180, high=180),
        "languages_offered": v.language_list(record, "languages_offered"),
        "audience": v.choice(record, "audience", ActivityPage.Audience.values, default="everyone"),
        "is_free": is_free,
        "cost_amount": None if is_free else cost_amount,
        "registration": registration_type,
        "registration_url": registration_url,
        "capacity": v.whole_number(registration, "capacity", path="registration.capacity", low=1),
        "signups_per_date": signups_per_date,
        **team_fields,
    }
    relations = {"co_organisers": lookups.partner_list(record, "co_organisers")}
    return fields, relations


def read_guide(record: Mapping, lookups: Lookups) -> tuple[dict[str, Any], dict[str, list]]:
    fields = {
        **_page_texts(record),
        "topic": v.choice(record, "topic", GuidePage.Topic.values),
        "author": lookups.partner(record.get("partner"), "partner"),
        "last_reviewed": v.plain_date(record, "last_reviewed"),
    }
    return fields, {}


def read_policy_action(
    record: Mapping, lookups: Lookups
) -> tuple[dict[str, Any], dict[str, list], list]:
    status = v.choice(record, "status", PolicyAction.Status.values, default="planned")
    progress = v.whole_number(record, "progress", high=100)
    if progress is None:
        progress = 100 if status == PolicyAction.Status.DONE else 0
    updates = record.get("updates") or []
    if not isinstance(updates, list):
        raise InvalidField("updates", "must be a list of {date, text}")
    read_updates = []
    for index, update in enumerate(updates):
        path = f"updates[{index}]"
        if not isinstance(update, Mapping):
            raise InvalidField(path, "must be an object with date and text")
        read_updates.append(
            {
                "date": v.plain_date(update, "date", path=f"{path}.date", required_value=True),
                **per_language(
                    "text",
                    v.translations(update, "text", path=f"{path}.text", required_language="nl"),
                ),
            }
        )
    fields = {
        "building_block": lookups.building_block(record.get("building_block")),
        **per_language(
            "title", v.translations(record, "title", required_language="nl", max_length=255)
        ),
        **per_language("description", v.translations(record, "description")),
        "status": status,
        "progress": progress,
        "starts_on": v.plain_date(record, "starts_on"),
        "due_on": v.plain_date(record, "due_on"),
    }
    return fields, {"responsible": lookups.partner_list(record, "responsible")}, read_updates
