"""Coverage: how much of what migrants see is human, reviewed machine, unreviewed machine, fallback.

"What migrants see now" is every published guide and every published
activity that has not ended, and the site's own texts (``site_texts``: the
home page's intro, the lists' intros, the categories, the plan and its
building blocks), counted under no partner; the unit is one text (a field with a Dutch
source) of one object, so a long body and a short title count alike. A text
in the reader's language is ``human`` when a person, an agency or an import
wrote it (or it predates provenance), ``machine_reviewed`` or
``machine_unreviewed`` by its record; a missing one is shown along the
fallback chain: ``fallback``. Counted per municipality (where the text is
shown), partner (the organiser or author) and language.

The policy plan's actions and the surveys that are open are read too, with
their inline children (progress updates, questions, answer options, see
``children``): each child text counts as one text, under the action's
responsible partners or the survey's municipality.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.translation import pgettext

from ..models import ActivityOccurrence, ActivityPage, GuidePage, PolicyAction
from ..municipalities import lookup
from ..surveys.models import Survey
from . import scope
from .children import record_of, texts_with_records
from .fallback import has_text
from .languages import language_codes
from .provenance import records_for, translated_fields
from .records import Origin
from .site_texts import SITE_KINDS, desk_fields, holder, records_by_model
from .site_texts import objects as site_objects

CLASSES = ("human", "machine_reviewed", "machine_unreviewed", "fallback")


@dataclass(frozen=True)
class CoverageRow:
    """The texts of one partner's visible content in one language (in one municipality),
    counted per class."""

    partner: str  # "": the site's own texts
    language: str
    counts: dict[str, int]
    municipality: str = ""  # its name; "": all municipalities together

    @property
    def partner_name(self) -> str:
        """The partner, or for the site's own texts a name a coordinator reads in their language."""
        return self.partner or pgettext("translation desk", "The site's own texts")

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def share(self, kind: str) -> float:
        return self.counts[kind] / self.total if self.total else 0.0


def visible_content(now: datetime | None = None, where: bool = False) -> list:
    """Published guides, published activities with an occurrence that has not ended, and
    the site's own texts. ``where``: with the municipalities each page is published to."""
    now = now or timezone.now()
    upcoming = ActivityOccurrence.objects.filter(ends_at__gte=now).values("activity_id")
    activities = ActivityPage.objects.live().filter(pk__in=upcoming).select_related("organiser")
    guides = GuidePage.objects.live().select_related("author")
    if where:
        activities = activities.prefetch_related("municipalities")
        guides = guides.prefetch_related("municipalities")
    site = [obj for kind in SITE_KINDS for obj in site_objects(kind)]
    return [*activities, *guides, *site]


def shown_in(obj: Any) -> list[str]:
    """The names of the municipalities where ``obj`` is seen (one install: its only one).

    Partners' pages where they are published to, a municipality's own page
    (its home, lists, plan) there, categories and building blocks everywhere.
    """
    everyone = lookup.municipalities()
    if not lookup.is_regional():
        return [m.name for m in everyone] or [""]
    if hasattr(obj, "partner_field"):
        pks = {m.pk for m in obj.municipalities.all()}
        return [m.name for m in everyone if m.pk in pks]
    found = holder(obj)
    if found is not None:
        return [found.name]
    return [m.name for m in everyone]


def text_class(obj, name: str, language: str, entry) -> str:
    if not has_text(getattr(obj, f"{name}_{language}", None)):
        return "fallback"
    if entry is not None and entry.origin == Origin.MACHINE:
        return "machine_reviewed" if entry.reviewed else "machine_unreviewed"
    return "human"


def coverage(
    languages: list[str] | None = None,
    now: datetime | None = None,
    by_municipality: bool = True,
) -> list[CoverageRow]:
    """One row per municipality, partner and language (the Dutch source left out), by name.

    A text shown in two municipalities counts in each: migrants in both see it.
    ``by_municipality=False``: every text once (for totals per language).
    """
    languages = languages or [c for c in language_codes() if c != settings.SOURCE_LANGUAGE]
    objects = visible_content(now, where=by_municipality and lookup.is_regional())
    entries = {}
    for model in (ActivityPage, GuidePage):
        entries.update(
            {
                (model, *key): entry
                for key, entry in records_for([o for o in objects if type(o) is model]).items()
            }
        )
    site = records_by_model(o for o in objects if type(o) not in (ActivityPage, GuidePage))
    for model, found in site.items():
        entries.update({(model, *key): entry for key, entry in found.items()})
    counts: dict[tuple[str, str, str], Counter] = {}
    for obj in objects:
        partner = getattr(obj, obj.partner_field).name if hasattr(obj, "partner_field") else ""
        places = shown_in(obj) if by_municipality else [""]
        for name in desk_fields(obj):
            if not has_text(getattr(obj, f"{name}_{settings.SOURCE_LANGUAGE}", None)):
                continue
            for code in languages:
                kind = text_class(obj, name, code, entries.get((type(obj), obj.pk, name, code)))
                for place in places:
                    counts.setdefault((place, partner, code), Counter())[kind] += 1
    _count_parents_with_children(counts, languages, now, by_municipality)
    return [
        CoverageRow(partner, code, {kind: tally[kind] for kind in CLASSES}, place)
        for (place, partner, code), tally in sorted(counts.items())
    ]


def _owner(obj) -> str:
    """Whose an action or a survey is, in the report's partner column."""
    if isinstance(obj, PolicyAction):
        return ", ".join(sorted(partner.name for partner in obj.responsible.all()))
    return obj.municipality.name if obj.municipality_id else ""


def _places_of_parent(parent, by_municipality: bool) -> list[str]:
    """Where an action (its plan's municipality) or a survey (its own) is seen."""
    if not by_municipality:
        return [""]
    everyone = lookup.municipalities()
    if not lookup.is_regional():
        return [m.name for m in everyone] or [""]
    kind = "action" if isinstance(parent, PolicyAction) else "survey"
    pks = scope.shown_in(kind, parent) or set()
    return [m.name for m in everyone if m.pk in pks] or [m.name for m in everyone]


def _count_parents_with_children(
    counts: dict, languages: list[str], now, by_municipality: bool
) -> None:
    """Actions and open surveys: their own texts and their children's, into ``counts``."""
    now = now or timezone.now()
    groups = [
        list(PolicyAction.objects.select_related("plan").prefetch_related("responsible")),
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
            places = _places_of_parent(parent, by_municipality)
            for obj, name, code, entry in texts:
                if has_text(getattr(obj, f"{name}_{settings.SOURCE_LANGUAGE}", None)):
                    kind = text_class(obj, name, code, entry)
                    for place in places:
                        counts.setdefault((place, owner, code), Counter())[kind] += 1


def per_language(rows: list[CoverageRow]) -> list[CoverageRow]:
    """The rows summed over partners: one per language (rows of ``by_municipality=False``,
    or a text shown in two municipalities counts twice)."""
    totals: dict[str, Counter] = {}
    for row in rows:
        totals.setdefault(row.language, Counter()).update(row.counts)
    return [
        CoverageRow("", code, {kind: totals[code][kind] for kind in CLASSES})
        for code in language_codes()
        if code in totals
    ]
