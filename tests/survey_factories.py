"""Surveys for tests, built with the models directly (the import format has no surveys)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from cms.models import Survey, SurveyOption, SurveyQuestion


def survey(slug: str = "werk-en-wonen", questions: list[dict[str, Any]] | None = None, **fields):
    """An open survey.

    ``questions``: ``{"kind", "prompt": {code: text}, "options": [{code: text}]}``.
    """
    defaults = {
        "title_nl": "Werk en wonen",
        "title_en": "Work and housing",
        "title_pl": "Praca i mieszkanie",
        "intro_nl": "Vijf korte vragen.",
        "intro_pl": "Pięć krótkich pytań.",
        "is_open": True,
    }
    defaults.update(fields)
    created = Survey.objects.create(slug=slug, **defaults)
    for order, spec in enumerate(questions if questions is not None else standard_questions()):
        question = SurveyQuestion.objects.create(
            survey=created,
            sort_order=order,
            kind=spec["kind"],
            required=spec.get("required", False),
            **{f"prompt_{code}": text for code, text in spec["prompt"].items()},
        )
        for position, label in enumerate(spec.get("options", [])):
            SurveyOption.objects.create(
                question=question,
                sort_order=position,
                **{f"label_{code}": text for code, text in label.items()},
            )
    return created


def standard_questions() -> list[dict[str, Any]]:
    """One question of each kind; the first is required."""
    return [
        {
            "kind": "single",
            "required": True,
            "prompt": {"nl": "Heeft u een huisarts?", "pl": "Czy masz lekarza rodzinnego?"},
            "options": [{"nl": "Ja", "pl": "Tak"}, {"nl": "Nee", "pl": "Nie"}],
        },
        {
            "kind": "multiple",
            "prompt": {"nl": "Waar wilt u hulp bij?", "pl": "W czym potrzebujesz pomocy?"},
            "options": [
                {"nl": "Werk", "pl": "Praca"},
                {"nl": "Wonen", "pl": "Mieszkanie"},
                {"nl": "Taal", "pl": "Język"},
            ],
        },
        {
            "kind": "scale",
            "prompt": {
                "nl": "Hoe tevreden bent u met uw woning?",
                "pl": "Jak oceniasz mieszkanie?",
            },
        },
        {"kind": "text", "prompt": {"nl": "Wat mist u?", "pl": "Czego Ci brakuje?"}},
    ]


def closed(**fields) -> Survey:
    return survey(closes_at=timezone.now() - timedelta(days=1), **fields)
