"""The keys an import record may hold: any other key is an error naming record and key.

Why: a partner record with ``descripton`` (misspelt) used to import with rc 0
and its text silently dropped. Every section, and every object inside a
record (``location``, ``cost``, ...), lists its keys here; a feature that adds
a key to the import format adds it here too.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .errors import InvalidField

# Section → its records' keys; "section.key" → the keys of that object inside a
# record; "section.key[]" → the keys of each object of that list.
KNOWN_KEYS: dict[str, frozenset[str]] = {
    "municipalities": frozenset(
        {"slug", "name", "hostname", "port", "villages", "languages", "colour", "privacy_contact"}
    ),
    "municipalities.villages[]": frozenset({"slug", "name", "lat", "lon", "radius_km"}),
    "partners": frozenset(
        {
            "slug",
            "name",
            "type",
            "description",
            "website",
            "email",
            "phone",
            "location",
            "languages_spoken",
            "calendar",
            "municipalities",
            "translation_sources",
        }
    ),
    "partners.location": frozenset({"address", "lat", "lon"}),
    "partners.calendar": frozenset({"url", "category", "language", "languages_offered", "publish"}),
    "activities": frozenset(
        {
            "slug",
            "partner",
            "co_organisers",
            "category",
            "title",
            "summary",
            "body",
            "starts_at",
            "ends_at",
            "recurrence",
            "recurrence_exceptions",
            "location",
            "languages_offered",
            "audience",
            "cost",
            "registration",
            "mixed_team",
            "municipalities",
            "translation_sources",
        }
    ),
    "activities.location": frozenset({"name", "address", "lat", "lon"}),
    "activities.cost": frozenset({"free", "amount"}),
    "activities.registration": frozenset({"required", "type", "url", "capacity", "per_date"}),
    "activities.mixed_team": frozenset({"sport", "level", "open_spots", "training_times"}),
    "guides": frozenset(
        {
            "slug",
            "partner",
            "topic",
            "title",
            "summary",
            "body",
            "last_reviewed",
            "municipalities",
            "translation_sources",
        }
    ),
    "policy_actions": frozenset(
        {
            "slug",
            "building_block",
            "title",
            "description",
            "status",
            "progress",
            "responsible",
            "starts_on",
            "due_on",
            "updates",
            "municipality",
            "translation_sources",
        }
    ),
    "policy_actions.updates[]": frozenset({"date", "text"}),
}


def _unknown(known: frozenset[str], record: Mapping, prefix: str) -> None:
    for key in record:
        if key not in known:
            raise InvalidField(
                f"{prefix}{key}", f"unknown key; this record takes {', '.join(sorted(known))}"
            )


def check_keys(section: str, record: Any) -> None:
    """Raise ``InvalidField`` for the first key of ``record`` its section does not know."""
    if not isinstance(record, Mapping):
        return
    _unknown(KNOWN_KEYS[section], record, "")
    for name, known in KNOWN_KEYS.items():
        owner, _, key = name.partition(".")
        if owner != section or not key:
            continue
        if key.endswith("[]"):
            items = record.get(key[:-2])
            if isinstance(items, list):
                for index, item in enumerate(items):
                    if isinstance(item, Mapping):
                        _unknown(known, item, f"{key[:-2]}[{index}].")
        elif isinstance(record.get(key), Mapping):
            _unknown(known, record[key], f"{key}.")
