"""Seeding the fixed vocabularies (categories, building blocks) after every migrate.

Their slugs are part of the API contract; their names ship translated in
``cms/taxonomy.json``. Seeding only adds what is missing, so names a
coordinator has edited are kept.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from django.db import transaction

from .models import BuildingBlock, Category
from .translation.languages import language_codes

TAXONOMY_FILE = Path(__file__).with_name("taxonomy.json")


@cache
def taxonomy() -> dict:
    return json.loads(TAXONOMY_FILE.read_text(encoding="utf-8"))


def _translated(prefix: str, texts: dict[str, str]) -> dict[str, str]:
    values = {f"{prefix}_{code}": texts.get(code, "") for code in language_codes()}
    values[prefix] = texts.get("nl", "")
    return values


@transaction.atomic
def seed_taxonomy() -> None:
    for order, item in enumerate(taxonomy()["categories"]):
        Category.objects.get_or_create(
            slug=item["slug"], defaults={"sort_order": order, **_translated("name", item["name"])}
        )
    for order, item in enumerate(taxonomy()["building_blocks"]):
        BuildingBlock.objects.get_or_create(
            slug=item["slug"],
            defaults={
                "sort_order": order,
                **_translated("name", item["name"]),
                **_translated("description", item.get("description", {})),
            },
        )


def seed_after_migrate(sender, **kwargs) -> None:
    """post_migrate handler: seed once the cms tables exist."""
    seed_taxonomy()
