"""The translator's queue: what is missing or outdated in a language, in the order migrants see it.

Across every partner's published content: upcoming activities first (soonest
next date first), then guides, most read first, then the rest (partners'
descriptions, policy actions); open surveys come right after the activities.
An object's inline children (a survey's questions and options, an action's
progress updates) are texts of it (``children``). "Most read" is counted from readers' answers
to "Was this clear?" (``PageFeedback``, any language): Wegwijs keeps no page
view counter, and feedback is what readers leave behind.

``open_texts`` judges one object (a text counts when its Dutch source exists);
``translation_queue`` builds the list with one query per content type for the
records, one per child model for the children and their records, one for
the next dates and one for the read counts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db.models import Count, Min
from django.utils import timezone

from ..feedback.models import PageFeedback
from ..models import ActivityOccurrence, ActivityPage, GuidePage, Partner, PolicyAction
from ..surveys.models import Survey
from .children import open_child_texts, texts_with_records
from .fallback import has_text
from .provenance import State, records_for, state, translated_fields

KINDS = {
    "activity": ActivityPage,
    "guide": GuidePage,
    "partner": Partner,
    "action": PolicyAction,
    "survey": Survey,
}


@dataclass(frozen=True)
class QueueItem:
    """One object with texts to translate into the queue's language."""

    kind: str
    obj: Any
    missing: tuple[str, ...]
    outdated: tuple[str, ...]
    next_date: datetime | None = None
    reads: int = 0
    # A child's text by its label ("question 3 → option 2"), not by its name.
    labels: dict[str, str] = field(default_factory=dict)

    @property
    def missing_labels(self) -> list[str]:
        return [self.labels.get(name, name) for name in self.missing]

    @property
    def outdated_labels(self) -> list[str]:
        return [self.labels.get(name, name) for name in self.outdated]

    @property
    def title(self) -> str:
        return str(getattr(self.obj, f"title_{settings.SOURCE_LANGUAGE}", None) or self.obj)


def open_texts(obj: Any, language: str, entries: dict) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(missing, outdated) field names of ``obj`` in ``language``; ``entries`` from records_for."""
    missing, outdated = [], []
    for name in translated_fields(obj):
        if not has_text(getattr(obj, f"{name}_{settings.SOURCE_LANGUAGE}", None)):
            continue
        current = state(obj, name, language, entries.get((obj.pk, name, language)))
        if current == State.MISSING:
            missing.append(name)
        elif current == State.OUTDATED:
            outdated.append(name)
    return tuple(missing), tuple(outdated)


def published(kind: str):
    model = KINDS[kind]
    if kind in ("activity", "guide"):
        return model.objects.live()
    if kind == "survey":
        # Open, or opening later: translated before the posters go up. A closed one is done.
        return model.objects.filter(is_open=True).exclude(closes_at__lte=timezone.now())
    return model.objects.all()


def _items(kind: str, objects: Iterable[Any], language: str, **extra) -> list[QueueItem]:
    objects = list(objects)
    entries = records_for(objects)
    # Inline children (questions, options, progress updates) are texts of their parent.
    children, child_entries = texts_with_records(objects)
    items = []
    for obj in objects:
        missing, outdated = open_texts(obj, language, entries)
        child_missing, child_outdated = open_child_texts(
            children.get(obj.pk, []), child_entries, language
        )
        missing, outdated = (*missing, *child_missing), (*outdated, *child_outdated)
        if missing or outdated:
            items.append(
                QueueItem(
                    kind,
                    obj,
                    missing,
                    outdated,
                    extra.get("dates", {}).get(obj.pk),
                    extra.get("reads", {}).get(obj.pk, 0),
                    {child.name: child.label for child in children.get(obj.pk, [])},
                )
            )
    return items


def translation_queue(language: str, now: datetime | None = None) -> list[QueueItem]:
    """Everything published that is missing or outdated in ``language``, first seen first."""
    now = now or timezone.now()
    dates = dict(
        ActivityOccurrence.objects.filter(ends_at__gte=now, activity__live=True)
        .values("activity_id")
        .annotate(next_date=Min("starts_at"))
        .values_list("activity_id", "next_date")
    )
    upcoming = _items("activity", published("activity").filter(pk__in=dates), language, dates=dates)
    upcoming.sort(key=lambda item: item.next_date)
    # Open surveys next: like an activity, a survey is read while it runs, or not at all.
    surveys = _items("survey", published("survey").order_by("opens_at", "slug"), language)
    reads = dict(
        PageFeedback.objects.values("page_id").annotate(n=Count("id")).values_list("page_id", "n")
    )
    guides = _items("guide", published("guide"), language, reads=reads)
    guides.sort(key=lambda item: (-item.reads, item.title.lower()))
    rest = _items("partner", published("partner").order_by("name"), language)
    rest += _items("action", published("action").order_by("slug"), language)
    return upcoming + surveys + guides + rest
