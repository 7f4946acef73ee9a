"""Does the bulk path make the same rows and API answers as the import? Checked, then undone."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.test import Client
from django.utils import timezone

from cms.importing import import_content
from cms.models import ActivityOccurrence, ActivityPage

from . import bulk, dataset

# Columns that differ between any two pages, however they were made.
OWN_COLUMNS = {
    "id",
    "page_ptr_id",
    "path",
    "slug",
    "url_path",
    "translation_key",
    "latest_revision_id",
    "live_revision_id",
    "first_published_at",
    "last_published_at",
    "latest_revision_created_at",
}


class Rollback(Exception):
    pass


def _without_block_ids(value: Any) -> Any:
    """StreamField blocks get a fresh random id on every save, imported or not."""
    if isinstance(value, list):
        return [_without_block_ids(item) for item in value]
    if isinstance(value, dict):
        return {key: _without_block_ids(item) for key, item in value.items() if key != "id"}
    return value


def _row(slug: str) -> dict[str, Any]:
    row = ActivityPage.objects.filter(slug=slug).values().get()
    return {
        key: _without_block_ids(list(value.raw_data) if hasattr(value, "raw_data") else value)
        for key, value in row.items()
        if key not in OWN_COLUMNS
    }


def _answer(client: Client, slug: str) -> dict[str, Any]:
    answer = client.get(f"/api/v1/activities/{slug}", {"lang": "pl"}).json()
    # The slug, and the URLs made from it, differ by construction.
    return {key: value for key, value in answer.items() if key not in ("slug", "url", "poster_url")}


def check() -> dict[str, Any]:
    """Import one record and bulk-insert the same record; compare rows, dates and API answers."""
    now = timezone.now()
    record = dataset.activity(3, now)  # recurring, several languages, co-organisers
    outcome: dict[str, Any] = {}
    try:
        with transaction.atomic():
            import_content({"activities": [{**record, "slug": "equivalence-import"}]})
            bulk.insert_activities([{**record, "slug": "equivalence-bulk"}], now)
            imported, bulked = _row("equivalence-import"), _row("equivalence-bulk")
            outcome["differing_columns"] = sorted(
                key for key in imported if imported[key] != bulked[key]
            )
            dates = [
                list(
                    ActivityOccurrence.objects.filter(activity__slug=slug).values_list(
                        "starts_at", "ends_at"
                    )
                )
                for slug in ("equivalence-import", "equivalence-bulk")
            ]
            outcome["same_occurrences"] = dates[0] == dates[1]
            client = Client()
            answers = [_answer(client, slug) for slug in ("equivalence-import", "equivalence-bulk")]
            outcome["same_api_detail"] = answers[0] == answers[1]
            outcome["api_fields"] = len(answers[0])
            raise Rollback
    except Rollback:
        pass
    outcome["equivalent"] = (
        not outcome["differing_columns"]
        and outcome["same_occurrences"]
        and outcome["same_api_detail"]
    )
    return outcome
