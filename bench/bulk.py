"""The bulk path: activity pages made from import records without Wagtail's page-by-page insert.

Each record is read by the importer's own ``read_activity`` (same checks, same
values) and published to the municipalities it names, so the rows are the
import's rows; only how they reach the database differs: tree paths are
numbered here, pages and their translated columns go in with batched INSERTs,
occurrences come from ``ActivityPage.occurrence_rows``. Left out, as nothing
the bench reads needs them: revisions and Wagtail's own (database) search
entries. ``bench.equivalence`` checks the result against an imported activity.
"""

from __future__ import annotations

import copy
import uuid
from collections.abc import Iterable, Mapping
from datetime import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import translation
from wagtail.models import Page

from cms import next_occurrence
from cms.importing.records import Lookups, read_activity
from cms.models import ActivityOccurrence, ActivityPage
from cms.site_structure import ensure_site_structure
from cms.translation.languages import language_codes
from cms.translation.status import updated_sources

BATCH = 1000


def _next_step(parent: Page) -> int:
    last = parent.get_children().order_by("-path").values_list("path", flat=True).first()
    if last is None:
        return 1
    return Page._str2int(last[-Page.steplen :]) + 1


def _page(
    record: Mapping, lookups: Lookups, blank: ActivityPage
) -> tuple[ActivityPage, list, list]:
    fields, relations = read_activity(record, lookups)
    # A copy of a blank page: modeltranslation's __init__ costs ~10 ms a page.
    page = copy.copy(blank)
    page.slug = record["slug"]
    page.translation_key = uuid.uuid4()
    for name, value in fields.items():
        setattr(page, name, value)
    # What TranslationTrackedMixin.save records for a new page.
    page.translation_sources = updated_sources(
        None, page.language_fingerprints(), {}, settings.SOURCE_LANGUAGE, language_codes()
    )
    # Where it is published: the record's municipalities, as the importer reads them.
    published = [lookups.municipalities[slug] for slug in record.get("municipalities") or ()]
    return page, relations["co_organisers"], published


def insert_activities(records: Iterable[Mapping], now: datetime) -> int:
    """Insert new activity pages, published, under the activities index; returns how many."""
    records = list(records)
    with translation.override("nl"), transaction.atomic():
        parent = ensure_site_structure().activities
        lookups = Lookups.load()
        content_type = ContentType.objects.get_for_model(ActivityPage)
        step = _next_step(parent)
        depth = parent.depth + 1
        made: list[tuple[ActivityPage, list, list]] = []
        blank = ActivityPage()
        for offset, record in enumerate(records):
            page, co_organisers, published = _page(record, lookups, blank)
            page.path = ActivityPage._get_path(parent.path, depth, step + offset)
            page.depth = depth
            page.numchild = 0
            page.content_type = content_type
            page.locale_id = parent.locale_id
            page.draft_title = page.title
            page.url_path = f"{parent.url_path}{page.slug}/"
            page.live = True
            page.has_unpublished_changes = False
            page.first_published_at = page.last_published_at = now
            made.append((page, co_organisers, published))
        pages = [page for page, _, _ in made]
        occurrence_rows = {id(page): page.occurrence_rows(now) for page in pages}
        for page in pages:
            # What rebuild_occurrences stores with the rows: the next one not ended.
            next_occurrence.set_from_rows(page, occurrence_rows[id(page)], now)
        for start in range(0, len(pages), BATCH):
            chunk = pages[start : start + BATCH]
            # Page's own table first (ids come back), then the activity columns.
            Page.objects.bulk_create(chunk)
            for page in chunk:
                page.page_ptr_id = page.id
            ActivityPage.objects.all()._batched_insert(
                chunk, fields=ActivityPage._meta.local_concrete_fields, batch_size=BATCH
            )
        through = ActivityPage.co_organisers.through
        through.objects.bulk_create(
            [
                through(activitypage_id=page.pk, partner_id=partner.pk)
                for page, partners, _ in made
                for partner in partners
            ],
            batch_size=5000,
        )
        published_to = ActivityPage.municipalities.through
        published_to.objects.bulk_create(
            [
                published_to(activitypage_id=page.pk, municipality_id=municipality.pk)
                for page, _, municipalities in made
                for municipality in municipalities
            ],
            batch_size=5000,
        )
        ActivityOccurrence.objects.bulk_create(
            (row for page in pages for row in occurrence_rows[id(page)]), batch_size=5000
        )
        Page.objects.filter(pk=parent.pk).update(numchild=parent.get_children().count())
    return len(pages)
