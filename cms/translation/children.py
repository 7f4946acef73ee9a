"""Inline children at the desk: texts that migrants read as part of their parent.

A policy action's progress updates, a survey's questions and their answer
options are rows of their own (``Orderable`` inlines), each with translated
fields and each with its own provenance records (``provenance.track_saves``
records them like any other model). A translator never opens them alone:
they are texts of their parent, named ``<relation>/<id>/<field>``
(``questions/41/prompt``, ``options/97/label``, ``updates/12/text``) and
labelled as a reader finds them ("question 3 → option 2"). The id is the
child's own: it stays the same when rows are reordered, so a draft or a
submission waiting for review still finds its text.

Outdated is exact as everywhere: each child text carries the version of its
own Dutch text (``provenance.state``).

``children_of`` loads the children of many parents of one model with one
query per child model, so the queue does not ask per item.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import formats
from django.utils.translation import pgettext

from ..models import PolicyAction, ProgressUpdate
from ..surveys.models import Survey, SurveyOption, SurveyQuestion
from .fallback import has_text
from .provenance import State, records_for, state

DESK = "translation desk"


@dataclass(frozen=True)
class Child:
    """One translated text of one child row of a parent."""

    name: str
    label: str
    row: models.Model
    field: str

    @property
    def source(self) -> Any:
        return getattr(self.row, f"{self.field}_{settings.SOURCE_LANGUAGE}", None)


def _updates(pks: list[int]) -> dict[int, list[Child]]:
    found: dict[int, list[Child]] = {}
    rows = ProgressUpdate.objects.filter(action_id__in=pks).order_by(
        "action_id", "-date", "sort_order"
    )
    for row in rows:
        label = pgettext(DESK, "progress update of %(date)s") % {
            "date": formats.date_format(row.date, "SHORT_DATE_FORMAT")
        }
        found.setdefault(row.action_id, []).append(
            Child(f"updates/{row.pk}/text", label, row, "text")
        )
    return found


def _questions(pks: list[int]) -> dict[int, list[Child]]:
    questions = list(
        SurveyQuestion.objects.filter(survey_id__in=pks).order_by("survey_id", "sort_order", "pk")
    )
    options: dict[int, list[SurveyOption]] = {}
    for option in SurveyOption.objects.filter(question__in=questions).order_by("sort_order", "pk"):
        options.setdefault(option.question_id, []).append(option)
    found: dict[int, list[Child]] = {}
    numbers: dict[int, int] = {}
    for question in questions:
        number = numbers[question.survey_id] = numbers.get(question.survey_id, 0) + 1
        label = pgettext(DESK, "question %(number)s") % {"number": number}
        texts = found.setdefault(question.survey_id, [])
        texts.append(Child(f"questions/{question.pk}/prompt", label, question, "prompt"))
        for position, option in enumerate(options.get(question.pk, []), start=1):
            option_label = pgettext(DESK, "option %(number)s") % {"number": position}
            texts.append(
                Child(f"options/{option.pk}/label", f"{label} → {option_label}", option, "label")
            )
    return found


# parent model → loader of its children's texts, by parent id
LOADERS = {PolicyAction: _updates, Survey: _questions}


def children_of(parents: Iterable[models.Model]) -> dict[int, list[Child]]:
    """``{parent id: [child text, …]}`` for parents of one model (empty for a model without)."""
    parents = list(parents)
    if not parents or type(parents[0]) not in LOADERS:
        return {}
    return LOADERS[type(parents[0])]([p.pk for p in parents])


def texts_with_records(parents: Iterable[models.Model]) -> tuple[dict[int, list[Child]], dict]:
    """The children's texts and their provenance: one query per child model more."""
    found = children_of(parents)
    rows_by_model: dict[type, list[models.Model]] = {}
    for texts in found.values():
        for text in texts:
            rows_by_model.setdefault(type(text.row), []).append(text.row)
    entries = {}
    for model, rows in rows_by_model.items():
        entries.update({(model, *key): entry for key, entry in records_for(rows).items()})
    return found, entries


def record_of(entries: dict, text: Child, language: str):
    return entries.get((type(text.row), text.row.pk, text.field, language))


def open_child_texts(
    texts: list[Child], entries: dict, language: str
) -> tuple[list[str], list[str]]:
    """(missing, outdated) names among a parent's child texts in ``language``."""
    missing, outdated = [], []
    for text in texts:
        if not has_text(text.source):
            continue
        current = state(text.row, text.field, language, record_of(entries, text, language))
        if current == State.MISSING:
            missing.append(text.name)
        elif current == State.OUTDATED:
            outdated.append(text.name)
    return missing, outdated


def is_child_name(name: str) -> bool:
    return name.count("/") == 2 and name.split("/")[0] in {"updates", "questions", "options"}


def locked(parent: models.Model, names: Iterable[str]) -> dict[str, Child]:
    """The parent's child texts of ``names``, their rows locked for the save; others left out."""
    wanted = set(names)
    texts = {t.name: t for t in children_of([parent]).get(parent.pk, []) if t.name in wanted}
    by_model: dict[type, list[int]] = {}
    for text in texts.values():
        by_model.setdefault(type(text.row), []).append(text.row.pk)
    fresh = {
        (model, row.pk): row
        for model, pks in by_model.items()
        for row in model._base_manager.select_for_update().filter(pk__in=pks)
    }
    return {
        name: Child(text.name, text.label, fresh[(type(text.row), text.row.pk)], text.field)
        for name, text in texts.items()
        if (type(text.row), text.row.pk) in fresh
    }
