"""Coverage: how much of what migrants see is human, reviewed machine, unreviewed machine, fallback.

"What migrants see now" is every published guide and every published
activity that has not ended; the unit is one text (a field with a Dutch
source) of one object, so a long body and a short title count alike. A text
in the reader's language is ``human`` when a person, an agency or an import
wrote it (or it predates provenance), ``machine_reviewed`` or
``machine_unreviewed`` by its record; a missing one is shown along the
fallback chain: ``fallback``. Counted per partner (the organiser or author)
and language; municipalities will be a further key once they exist.

The policy plan's actions and the surveys that are open are read too, with
their inline children (progress updates, questions, answer options, see
``children``): each child text counts as one text, under the action's
responsible partners or the survey's municipality.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.utils import timezone

from ..models import ActivityOccurrence, ActivityPage, GuidePage, PolicyAction
from ..surveys.models import Survey
from .children import record_of, texts_with_records
from .fallback import has_text
from .languages import language_codes
from .provenance import records_for, translated_fields
from .records import Origin

CLASSES = ("human", "machine_reviewed", "machine_unreviewed", "fallback")


@dataclass(frozen=True)
class CoverageRow:
    """The texts of one partner's visible content in one language, counted per class."""

    partner: str
    language: str
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def share(self, kind: str) -> float:
        return self.counts[kind] / self.total if self.total else 0.0


def visible_content(now: datetime | None = None) -> list:
    """Published guides and published activities with an occurrence that has not ended."""
    now = now or timezone.now()
    upcoming = ActivityOccurrence.objects.filter(ends_at__gte=now).values("activity_id")
    activities = ActivityPage.objects.live().filter(pk__in=upcoming).select_related("organiser")
    return [*activities, *GuidePage.objects.live().select_related("author")]


def text_class(obj, name: str, language: str, entry) -> str:
    if not has_text(getattr(obj, f"{name}_{language}", None)):
        return "fallback"
    if entry is not None and entry.origin == Origin.MACHINE:
        return "machine_reviewed" if entry.reviewed else "machine_unreviewed"
    return "human"


def coverage(languages: list[str] | None = None, now: datetime | None = None) -> list[CoverageRow]:
    """One row per partner and language (the Dutch source left out), partners by name."""
    languages = languages or [c for c in language_codes() if c != settings.SOURCE_LANGUAGE]
    objects = visible_content(now)
    entries = {}
    for model in (ActivityPage, GuidePage):
        entries.update(
            {
                (model, *key): entry
                for key, entry in records_for([o for o in objects if type(o) is model]).items()
            }
        )
    counts: dict[tuple[str, str], Counter] = {}
    for obj in objects:
        partner = getattr(obj, obj.partner_field).name
        for name in translated_fields(obj):
            if not has_text(getattr(obj, f"{name}_{settings.SOURCE_LANGUAGE}", None)):
                continue
            for code in languages:
                entry = entries.get((type(obj), obj.pk, name, code))
                counts.setdefault((partner, code), Counter())[
                    text_class(obj, name, code, entry)
                ] += 1
    _count_parents_with_children(counts, languages, now)
    return [
        CoverageRow(partner, code, {kind: tally[kind] for kind in CLASSES})
        for (partner, code), tally in sorted(counts.items())
    ]


def _owner(obj) -> str:
    """Whose an action or a survey is, in the report's partner column."""
    if isinstance(obj, PolicyAction):
        return ", ".join(sorted(partner.name for partner in obj.responsible.all()))
    return obj.municipality.name if obj.municipality_id else ""


def _count_parents_with_children(counts: dict, languages: list[str], now) -> None:
    """Actions and open surveys: their own texts and their children's, into ``counts``."""
    now = now or timezone.now()
    groups = [
        list(PolicyAction.objects.prefetch_related("responsible")),
        list(
            Survey.objects.filter(is_open=True)
            .exclude(opens_at__gt=now)
            .exclude(closes_at__lte=now)
            .select_related("municipality")
        ),
    ]
    for parents in groups:
        entries = records_for(parents)
        children, child_entries = texts_with_records(parents)
        for parent in parents:
            texts = [
                (parent, name, code, entries.get((parent.pk, name, code)))
                for name in translated_fields(parent)
                for code in languages
            ]
            texts += [
                (child.row, child.field, code, record_of(child_entries, child, code))
                for child in children.get(parent.pk, [])
                for code in languages
            ]
            owner = _owner(parent)
            for obj, name, code, entry in texts:
                if has_text(getattr(obj, f"{name}_{settings.SOURCE_LANGUAGE}", None)):
                    counts.setdefault((owner, code), Counter())[
                        text_class(obj, name, code, entry)
                    ] += 1


def per_language(rows: list[CoverageRow]) -> list[CoverageRow]:
    """The rows summed over partners: one per language."""
    totals: dict[str, Counter] = {}
    for row in rows:
        totals.setdefault(row.language, Counter()).update(row.counts)
    return [
        CoverageRow("", code, {kind: totals[code][kind] for kind in CLASSES})
        for code in language_codes()
        if code in totals
    ]
