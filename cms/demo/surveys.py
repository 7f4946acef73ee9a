"""The demo municipalities' needs surveys, from ``demo_surveys.json``.

Surveys are not part of the content import format (they are built in the
admin, and their answers must never be overwritten by an import), so the demo
loads them here: a survey whose slug exists already is left as it is, with
its questions and any answers it has.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.db import transaction

from ..models import Municipality, Survey, SurveyOption, SurveyQuestion

DEMO_SURVEYS = Path(__file__).with_name("demo_surveys.json")


def _translations(field: str, texts: dict[str, str]) -> dict[str, str]:
    return {f"{field}_{code}": text for code, text in texts.items()}


@transaction.atomic
def load_demo_surveys(path: Path = DEMO_SURVEYS) -> int:
    """Create the demo surveys that do not exist yet (open for answers); the number created."""
    created = 0
    for record in json.loads(path.read_text(encoding="utf-8"))["surveys"]:
        if Survey.objects.filter(slug=record["slug"]).exists():
            continue
        survey = Survey.objects.create(
            slug=record["slug"],
            # Each municipality's own survey; absent or unknown: the default one.
            municipality=Municipality.objects.filter(slug=record.get("municipality")).first()
            or Municipality.objects.filter(site__is_default_site=True).first(),
            is_open=True,
            **_translations("title", record["title"]),
            **_translations("intro", record.get("intro", {})),
        )
        for order, spec in enumerate(record["questions"]):
            question = SurveyQuestion.objects.create(
                survey=survey,
                sort_order=order,
                kind=spec["kind"],
                required=spec.get("required", False),
                **_translations("prompt", spec["prompt"]),
            )
            for position, label in enumerate(spec.get("options", [])):
                SurveyOption.objects.create(
                    question=question, sort_order=position, **_translations("label", label)
                )
        created += 1
    return created
