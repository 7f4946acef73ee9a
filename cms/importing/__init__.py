"""``import_content``: the one way content enters Wegwijs in bulk.

Used by the ``import_content`` command, the demo data and the tests. The whole
file is applied in one transaction, records are upserted by slug, and when any
record is invalid every problem is reported (section, slug, field) and nothing
is changed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.db import transaction
from django.utils import translation

from ..index_once.deferral import index_once
from ..models import ActivityPage, GuidePage, Partner, PolicyAction, ProgressUpdate
from ..permissions.setup import lookups_shared
from ..site_structure import SiteStructure, ensure_site_structure, structure_of
from ..translation.provenance import saving_as
from . import records
from .errors import FieldProblem, ImportFailed, InvalidField
from .first_publish import add_published, can_publish_in_one_save
from .keys import check_keys
from .municipalities import (
    action_municipality,
    content_municipalities,
    import_municipality,
    partner_municipalities,
)
from .values import translation_sources

__all__ = [
    "ActivityImport",
    "ImportFailed",
    "ImportReport",
    "import_activity",
    "import_content",
    "import_file",
]

SECTIONS = ("municipalities", "partners", "activities", "guides", "policy_actions")

# Model field → where it sits in an import record, for error messages.
FIELD_PATHS = {
    "location_name": "location.name",
    "location_address": "location.address",
    "address": "location.address",
    "lat": "location.lat",
    "lon": "location.lon",
    "is_free": "cost.free",
    "cost_amount": "cost.amount",
    "registration_url": "registration.url",
    "capacity": "registration.capacity",
    "signups_per_date": "registration.per_date",
    "team_sport": "mixed_team.sport",
    "team_level": "mixed_team.level",
    "open_spots": "mixed_team.open_spots",
    "organiser": "partner",
    "author": "partner",
    "calendar_url": "calendar.url",
    "calendar_category": "calendar.category",
    "calendar_language": "calendar.language",
    "calendar_languages": "calendar.languages_offered",
}
TRANSLATED = ("title", "summary", "body", "description", "training_times", "name", "text")


def record_path(model_field: str) -> str:
    if model_field in FIELD_PATHS:
        return FIELD_PATHS[model_field]
    base, _, code = model_field.rpartition("_")
    if base in TRANSLATED and len(code) == 2:
        prefix = "mixed_team.training_times" if base == "training_times" else base
        return f"{prefix}.{code}"
    return model_field


@dataclass
class ImportReport:
    created: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SECTIONS, 0))
    updated: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SECTIONS, 0))
    unchanged: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SECTIONS, 0))

    def count(self, section: str, outcome: str) -> None:
        getattr(self, outcome)[section] += 1

    def summary(self) -> str:
        return "; ".join(
            f"{section}: {self.created[section]} created, {self.updated[section]} updated, "
            f"{self.unchanged[section]} unchanged"
            for section in SECTIONS
        )


def _comparable(obj: Any, names: list[str]) -> dict[str, Any]:
    """Field values in a form that compares equal when the content is the same.

    StreamField blocks get fresh ids on every assignment, so compare types and values only.
    """
    state = {}
    for name in names:
        value = getattr(obj, name)
        if hasattr(value, "raw_data") and hasattr(value, "stream_block"):
            value = [(block.block_type, block.block.get_prep_value(block.value)) for block in value]
        elif hasattr(value, "pk"):
            value = value.pk
        state[name] = value
    return state


def _relation_ids(obj: Any, relations: Mapping[str, list]) -> dict[str, list[int]]:
    return {name: sorted(item.pk for item in getattr(obj, name).all()) for name in relations}


def _snapshot(obj: Any, fields: Mapping[str, Any], relations: Mapping[str, list]) -> tuple:
    return _comparable(obj, list(fields)), _relation_ids(obj, relations)


def _assign(obj: Any, fields: Mapping[str, Any], relations: Mapping[str, list]) -> None:
    for name, value in fields.items():
        setattr(obj, name, value)
    for name, items in relations.items():
        getattr(obj, name).set(items)


def _upsert_page(
    model, parent, slug: str, fields: dict, relations: dict, *, publish: bool = True
) -> tuple[str, Any]:
    """Create or update a page and publish it (a revision records the import).

    With ``publish=False`` the change is saved as a draft revision for an
    editor to review (a partner's calendar imported "as drafts").
    """
    # Found wherever it sits: a page stays under the section it was created in
    # when the municipalities it is published to change (slugs are unique per type).
    # The id first: for a new page (every record of a first import) that is one
    # short query instead of building a select of every language's columns
    # (1.0 instead of 3.4 ms); an existing page costs one more lookup by id.
    found = model.objects.filter(slug=slug).values_list("pk", flat=True).first()
    page = None if found is None else model.objects.get(pk=found)
    if page is None:
        page = model(slug=slug, live=publish)
        _assign(page, fields, relations)
        if publish and can_publish_in_one_save(page):
            add_published(parent, page)
            return "created", page
        parent.add_child(instance=page)
        # add_child's save has just run full_clean on these values.
        revision = page.save_revision(clean=False)
        if publish:
            revision.publish()
        return "created", page
    if not publish:
        draft = page.get_latest_revision_as_object()
        before = _snapshot(draft, fields, relations)
        _assign(draft, fields, relations)
        if _snapshot(draft, fields, relations) == before:
            return "unchanged", page
        draft.full_clean()
        draft.save_revision()
        page.refresh_from_db()
        return "updated", page
    before = _snapshot(page, fields, relations)
    _assign(page, fields, relations)
    if (
        _snapshot(page, fields, relations) == before
        and page.live
        and not page.has_unpublished_changes
    ):
        return "unchanged", page
    page.save_revision().publish()
    return "updated", page


def content_digest(page: Any, record: Mapping, lookups: records.Lookups) -> str:
    """A hash of the page's values (its latest revision) for the fields ``record`` sets.

    The calendar import keeps it after each run: when it differs next time, an
    editor changed the activity in Wegwijs, and the feed must not overwrite that.
    """
    fields, relations = records.read_activity(record, lookups)
    current = page.get_latest_revision_as_object()
    values, related = _snapshot(current, fields, relations)
    # The same instant reads back in another zone from a revision than it was written in.
    values = {
        name: value.astimezone(UTC).isoformat() if isinstance(value, datetime) else value
        for name, value in values.items()
    }
    return hashlib.sha256(repr((values, related)).encode()).hexdigest()


@dataclass(frozen=True)
class ActivityImport:
    outcome: str  # created, updated or unchanged
    page: ActivityPage
    digest: str  # content_digest() right after the import


def import_activity(
    record: Mapping, lookups: records.Lookups, *, publish: bool = True
) -> ActivityImport:
    """Upsert one activity record through the same path as ``import_content``.

    For callers that take records one at a time (a partner's calendar feed): a
    bad record raises ``ImportFailed`` naming its fields and changes nothing.
    """
    slug = _record_slug("activities", 0, record)
    try:
        with translation.override("nl"), transaction.atomic(), index_once():
            _check_slug(record)
            structure = lookups.default_structure or ensure_site_structure()
            fields, relations = records.read_activity(record, lookups)
            relations["municipalities"] = content_municipalities(
                record, lookups.municipalities, fields["organiser"], by_location=True
            )
            sections = _structure_for(relations["municipalities"], lookups, structure)
            outcome, page = _upsert_page(
                ActivityPage, sections.activities, slug, fields, relations, publish=publish
            )
            return ActivityImport(outcome, page, content_digest(page, record, lookups))
    except InvalidField as error:
        raise ImportFailed([FieldProblem("activities", slug, error.field, error.message)]) from None
    except ValidationError as error:
        raise ImportFailed(
            [
                FieldProblem("activities", slug, record_path(name), " ".join(messages))
                for name, messages in error.message_dict.items()
            ]
        ) from None


def _import_municipality(record: Mapping, lookups: records.Lookups, structure) -> str:
    return import_municipality(record, lookups.municipalities)


def _import_partner(record: Mapping, lookups: records.Lookups, structure) -> str:
    fields = records.read_partner(record, lookups)
    municipalities = sorted(m.pk for m in partner_municipalities(record, lookups.municipalities))
    slug = record["slug"]
    partner = lookups.partners.get(slug)
    outcome = "created"
    if partner is not None:
        same_places = sorted(m.pk for m in partner.municipalities.all()) == municipalities
        if _comparable(partner, list(fields)) == fields and same_places:
            return "unchanged"
        outcome = "updated"
    else:
        partner = Partner(slug=slug)
    for name, value in fields.items():
        setattr(partner, name, value)
    partner.full_clean()
    partner.save()
    partner.municipalities.set(municipalities)
    lookups.partners[slug] = partner
    return outcome


def _structure_for(
    municipalities: list, lookups: records.Lookups, structure: SiteStructure
) -> SiteStructure:
    """The sections of the first municipality a record is published to (new pages go there)."""
    if not municipalities:
        return structure
    first = municipalities[0]
    if first.site.is_default_site:
        return structure  # the first municipality's: what ensure_site_structure keeps
    if first.pk not in lookups.structures:
        lookups.structures[first.pk] = structure_of(first.site)
    return lookups.structures[first.pk]


def _import_activity(record: Mapping, lookups: records.Lookups, structure) -> str:
    fields, relations = records.read_activity(record, lookups)
    relations["municipalities"] = content_municipalities(
        record, lookups.municipalities, fields["organiser"], by_location=True
    )
    sections = _structure_for(relations["municipalities"], lookups, structure)
    return _upsert_page(ActivityPage, sections.activities, record["slug"], fields, relations)[0]


def _import_guide(record: Mapping, lookups: records.Lookups, structure) -> str:
    fields, relations = records.read_guide(record, lookups)
    relations["municipalities"] = content_municipalities(
        record, lookups.municipalities, fields["author"], by_location=False
    )
    sections = _structure_for(relations["municipalities"], lookups, structure)
    return _upsert_page(GuidePage, sections.guides, record["slug"], fields, relations)[0]


def _import_policy_action(record: Mapping, lookups: records.Lookups, structure) -> str:
    fields, relations, updates = records.read_policy_action(record, lookups)
    municipality = action_municipality(record, lookups.municipalities)
    plan = _structure_for([municipality] if municipality else [], lookups, structure).policy_plan
    fields["plan"] = plan
    slug = record["slug"]
    action = PolicyAction.objects.filter(slug=slug).first()
    outcome = "created"
    if action is None:
        action = PolicyAction(slug=slug, plan=plan)
    else:
        before = (
            _snapshot(action, fields, relations),
            sorted(
                (repr(_comparable(update, list(updates[0]))) for update in action.updates.all()),
            )
            if updates
            else [],
            action.updates.count(),
        )
        _assign(action, fields, relations)
        wanted = (
            _snapshot(action, fields, relations),
            sorted(repr(_comparable(ProgressUpdate(**update), list(update))) for update in updates),
            len(updates),
        )
        if before == wanted:
            return "unchanged"
        outcome = "updated"
    _assign(action, fields, relations)
    action.updates = [ProgressUpdate(**update) for update in updates]
    action.full_clean()
    action.save()
    return outcome


IMPORTERS: dict[str, Callable] = {
    "municipalities": _import_municipality,
    "partners": _import_partner,
    "activities": _import_activity,
    "guides": _import_guide,
    "policy_actions": _import_policy_action,
}


def _record_slug(section: str, index: int, record: Any) -> str:
    if isinstance(record, Mapping) and isinstance(record.get("slug"), str) and record["slug"]:
        return record["slug"]
    return f"#{index}"


def _check_slug(record: Any) -> None:
    if not isinstance(record, Mapping):
        raise InvalidField("(record)", "must be an object")
    slug = record.get("slug")
    if not isinstance(slug, str) or not slug:
        raise InvalidField("slug", "is required")
    try:
        validate_slug(slug)
    except ValidationError:
        raise InvalidField("slug", f"'{slug}' may only hold letters, digits, '-' and '_'") from None


def import_content(data: Mapping) -> ImportReport:
    """Upsert every record of ``data``; raise ``ImportFailed`` and change nothing on any problem."""
    if not isinstance(data, Mapping):
        raise ImportFailed([FieldProblem("(file)", "-", "(root)", "must be a JSON object")])
    unknown = set(data) - set(SECTIONS)
    if unknown:
        raise ImportFailed(
            [
                FieldProblem("(file)", "-", key, f"unknown section; use {', '.join(SECTIONS)}")
                for key in sorted(unknown)
            ]
        )
    report = ImportReport()
    problems: list[FieldProblem] = []
    # index_once: each record's admin search entry and references once, not per save.
    with translation.override("nl"), transaction.atomic(), index_once():
        structure = ensure_site_structure()
        lookups = records.Lookups.load()
        for section in SECTIONS:
            items = data.get(section) or []
            if not isinstance(items, list):
                problems.append(
                    FieldProblem(section, "-", "(section)", "must be a list of records")
                )
                continue
            with _section_lookups(section):
                _import_section(section, items, lookups, structure, report, problems)
        if problems:
            raise ImportFailed(problems)
    return report


def _section_lookups(section: str) -> AbstractContextManager:
    # Partners create no municipality or section: their groups' grants are looked up
    # once for the whole section (cms.permissions.setup), not once per partner.
    return lookups_shared() if section == "partners" else nullcontext()


def _import_section(
    section: str,
    items: list,
    lookups: records.Lookups,
    structure: SiteStructure,
    report: ImportReport,
    problems: list[FieldProblem],
) -> None:
    """Each record of one section, problems collected rather than raised."""
    seen: set[str] = set()
    for index, record in enumerate(items):
        slug = _record_slug(section, index, record)
        try:
            _check_slug(record)
            if slug in seen:
                raise InvalidField("slug", "appears twice in this file")
            seen.add(slug)
            check_keys(section, record)
            # A savepoint per record, so that one failed record does not
            # stop us from reporting the problems of the others.
            origins = translation_sources(record)
            with transaction.atomic(), saving_as(origins=origins):
                outcome = IMPORTERS[section](record, lookups, structure)
            report.count(section, outcome)
        except InvalidField as error:
            problems.append(FieldProblem(section, slug, error.field, error.message))
        except ValidationError as error:
            for model_field, messages in error.message_dict.items():
                problems.append(
                    FieldProblem(section, slug, record_path(model_field), " ".join(messages))
                )


def import_file(path: str | Path) -> ImportReport:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise ImportFailed(
            [FieldProblem("(file)", "-", f"line {error.lineno}", f"not valid JSON: {error.msg}")]
        ) from None
    return import_content(data)
