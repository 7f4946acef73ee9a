"""The translator's queue: what is missing or outdated in a language, in the order migrants see it.

Across every partner's published content and the site's own texts
(``site_texts``): what every visitor meets first (the home page's intro, the
lists' intros, the categories), then upcoming activities (soonest next date
first), then guides, most read first, then the rest (partners' descriptions,
policy actions, the plan and its building blocks); open surveys come right
after the activities. An object's inline children (a survey's questions and
options, an action's progress updates) are texts of it (``children``). A
translator for one municipality sees only what is shown there (``scope``).
"Most read" is counted from readers' answers to "Was this clear?"
(``PageFeedback``, any language): Wegwijs keeps no page view counter, and
feedback is what readers leave behind.

``open_texts`` judges one object (a text counts when its Dutch source exists);
``translation_queue`` builds the list with one query per content type for the
objects and one for their records, one per child model for the children and their
records, one for the next dates and one for the read counts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db.models import Count, Min
from django.utils import timezone
from django.utils.text import capfirst

from ..feedback.models import PageFeedback
from ..models import ActivityOccurrence, ActivityPage, GuidePage, Partner, PolicyAction
from ..surveys.models import Survey
from .children import open_child_texts, texts_with_records
from .fallback import has_text
from .provenance import State, records_for, state
from .scope import Scope, scoped
from .site_texts import (
    BEFORE_CONTENT,
    SITE_KINDS,
    WITH_ACTIONS,
    address,
    desk_fields,
    label,
    records_by_model,
)
from .site_texts import objects as site_objects

KINDS = {
    "activity": ActivityPage,
    "guide": GuidePage,
    "partner": Partner,
    "action": PolicyAction,
    "survey": Survey,
    **{kind: spec.model for kind, spec in SITE_KINDS.items()},
}


def kind_of(obj: Any) -> str:
    """The desk's kind of an object (``activity``, ``home``, ...; "" for another text)."""
    return next((kind for kind, model in KINDS.items() if type(obj) is model), "")


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
        if self.kind in SITE_KINDS:
            return label(self.kind, self.obj)
        return str(getattr(self.obj, f"title_{settings.SOURCE_LANGUAGE}", None) or self.obj)

    @property
    def kind_name(self) -> str:
        """What the item is, in the admin's language ("Home page", "Activity", ...)."""
        return capfirst(type(self.obj)._meta.verbose_name)

    @property
    def segment(self) -> str:
        """The object as in the XLIFF ids and the machine drafts' form: ``kind/slug``."""
        return f"{self.kind}/{address(self.kind, self.obj)}"


def open_texts(obj: Any, language: str, entries: dict) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(missing, outdated) field names of ``obj`` in ``language``; ``entries`` from records_for."""
    missing, outdated = [], []
    for name in desk_fields(obj):
        if not has_text(getattr(obj, f"{name}_{settings.SOURCE_LANGUAGE}", None)):
            continue
        current = state(obj, name, language, entries.get((obj.pk, name, language)))
        if current == State.MISSING:
            missing.append(name)
        elif current == State.OUTDATED:
            outdated.append(name)
    return tuple(missing), tuple(outdated)


def published(kind: str, scope: Scope = None):
    """What of ``kind`` readers can see (``scope``: only in those municipalities)."""
    if kind in SITE_KINDS:
        return site_objects(kind, scope)
    model = KINDS[kind]
    if kind in ("activity", "guide"):
        items = model.objects.live()
    elif kind == "survey":
        # Open, or opening later: translated before the posters go up. A closed one is done.
        items = model.objects.filter(is_open=True).exclude(closes_at__lte=timezone.now())
    else:
        items = model.objects.all()
    return scoped(kind, items, scope)


def _items(kind: str, objects: Iterable[Any], language: str, **extra) -> list[QueueItem]:
    objects = list(objects)
    entries = extra["entries"] if "entries" in extra else records_for(objects)
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


def translation_queue(
    language: str, now: datetime | None = None, scope: Scope = None
) -> list[QueueItem]:
    """Everything published that is missing or outdated in ``language``, first seen first.

    ``scope``: only what is shown in these municipalities (a translator's, ``scope``).
    """
    now = now or timezone.now()
    site = {kind: list(published(kind, scope)) for kind in SITE_KINDS}
    site_entries = records_by_model(obj for objects in site.values() for obj in objects)

    def site_items(kinds: tuple[str, ...]) -> list[QueueItem]:
        return [
            item
            for kind in kinds
            for item in _items(
                kind, site[kind], language, entries=site_entries.get(SITE_KINDS[kind].model, {})
            )
        ]

    first = site_items(BEFORE_CONTENT)
    dates = dict(
        ActivityOccurrence.objects.filter(ends_at__gte=now, activity__live=True)
        .values("activity_id")
        .annotate(next_date=Min("starts_at"))
        .values_list("activity_id", "next_date")
    )
    upcoming = _items(
        "activity", published("activity", scope).filter(pk__in=dates), language, dates=dates
    )
    upcoming.sort(key=lambda item: item.next_date)
    # Open surveys next: like an activity, a survey is read while it runs, or not at all.
    surveys = _items("survey", published("survey", scope).order_by("opens_at", "slug"), language)
    reads = dict(
        PageFeedback.objects.values("page_id").annotate(n=Count("id")).values_list("page_id", "n")
    )
    guides = _items("guide", published("guide", scope), language, reads=reads)
    guides.sort(key=lambda item: (-item.reads, item.title.lower()))
    rest = _items("partner", published("partner", scope).order_by("name"), language)
    rest += _items("action", published("action", scope).order_by("slug"), language)
    rest += site_items(WITH_ACTIONS)
    return first + upcoming + surveys + guides + rest
