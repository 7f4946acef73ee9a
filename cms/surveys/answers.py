"""Checking and storing one person's survey answers: the one way in for the API and the site.

``record_response`` validates every answer against the survey's questions
before anything is written, so a refused submission leaves no trace. A
problem is an ``InvalidAnswer`` naming the field at fault, ``answers.<question
id>`` for an answer, so that the API's 400 and the site's form point at the
same question.

What is stored is only what ``cms.surveys.models`` allows: the answer
language, the village (optional) and today's date.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Prefetch

from ..bounded_input import BoundedInputError, clean_text
from ..models import Survey, SurveyAnswer, SurveyOption, SurveyQuestion, SurveyResponse
from ..places import village_slugs, villages_of
from ..translation.languages import is_supported
from .models import SCALE_MAX, SCALE_MIN

TEXT_MAX_LENGTH = 2000
# A form sends numbers as text: ASCII digits only ("²".isdigit() is true, but int("²")
# fails), and few of them, as no option id or scale value is longer.
WHOLE_NUMBER = re.compile(r"[0-9]{1,18}")
ANSWERS_FIELD = "answers"


class InvalidAnswer(ValueError):
    """A submission that cannot be stored; ``field`` names what is wrong."""

    def __init__(self, field: str, message: str, code: str = "invalid_answer"):
        super().__init__(message)
        self.field = field
        self.message = message
        self.code = code


class SurveyClosed(Exception):
    """The survey no longer (or not yet) accepts answers."""

    message = "This survey is closed: it no longer accepts answers."


@dataclass
class Submission:
    """What a person sent: raw answers keyed by question id, as JSON or a form gives them."""

    language: str
    answers: Mapping[str, Any]
    village: str = ""


def survey_form_name(slug: str) -> str:
    """The form name in ``public.guard`` tokens: a token of one survey does not fit another."""
    return f"survey:{slug}"


def with_questions(surveys) -> Any:
    """Surveys with their questions and options in order: three queries, whatever the size."""
    return surveys.prefetch_related(
        Prefetch(
            "questions",
            queryset=SurveyQuestion.objects.order_by("sort_order", "pk").prefetch_related(
                Prefetch("options", queryset=SurveyOption.objects.order_by("sort_order", "pk"))
            ),
        )
    )


def answer_field(question_id: int | str) -> str:
    return f"{ANSWERS_FIELD}.{question_id}"


def _is_empty(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (list, tuple)):
        return all(_is_empty(item) for item in value)
    return False


def _as_int(value: Any) -> int | None:
    """A whole number from JSON (``3``) or a form (``"3"``); None for anything else."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and WHOLE_NUMBER.fullmatch(value.strip()):
        return int(value.strip())
    return None


def _option(question: SurveyQuestion, value: Any, where: str) -> SurveyOption:
    option_id = _as_int(value)
    for option in question.options.all():
        if option.pk == option_id:
            return option
    raise InvalidAnswer(where, f"{value!r} is not an option of this question.")


def _answers_to(question: SurveyQuestion, value: Any) -> list[SurveyAnswer]:
    """The unsaved answer rows for one non-empty value; ``InvalidAnswer`` when it does not fit."""
    where = answer_field(question.pk)
    kind = question.kind
    if kind == SurveyQuestion.Kind.SINGLE:
        if isinstance(value, (list, tuple)):
            if len(value) != 1:
                raise InvalidAnswer(where, "Choose one option only.")
            value = value[0]
        return [SurveyAnswer(question=question, option=_option(question, value, where))]
    if kind == SurveyQuestion.Kind.MULTIPLE:
        values = value if isinstance(value, (list, tuple)) else [value]
        chosen: dict[int, SurveyOption] = {}
        for item in values:
            if not _is_empty(item):
                option = _option(question, item, where)
                chosen[option.pk] = option
        return [SurveyAnswer(question=question, option=option) for option in chosen.values()]
    if kind == SurveyQuestion.Kind.SCALE:
        number = _as_int(value)
        if number is None or not SCALE_MIN <= number <= SCALE_MAX:
            raise InvalidAnswer(where, f"Choose a whole number from {SCALE_MIN} to {SCALE_MAX}.")
        return [SurveyAnswer(question=question, scale=number)]
    if not isinstance(value, str):
        raise InvalidAnswer(where, "Write the answer as text.")
    try:
        text = clean_text(value).strip()
    except BoundedInputError as problem:
        raise InvalidAnswer(where, problem.message) from None
    if len(text) > TEXT_MAX_LENGTH:
        raise InvalidAnswer(where, f"Write at most {TEXT_MAX_LENGTH} characters.")
    return [SurveyAnswer(question=question, text=text)]


def validate_answers(
    questions: Iterable[SurveyQuestion], answers: Mapping[str, Any]
) -> list[SurveyAnswer]:
    """Every answer checked against its question; unsaved rows, or ``InvalidAnswer``.

    Problems are reported in the questions' order, unknown questions first
    (a client sending those has the wrong survey in mind).
    """
    if not isinstance(answers, Mapping):
        raise InvalidAnswer(ANSWERS_FIELD, "Send the answers as an object keyed by question id.")
    questions = list(questions)
    known = {str(question.pk) for question in questions}
    for key in answers:
        if str(key) not in known:
            raise InvalidAnswer(answer_field(key), "This survey has no such question.")
    by_key = {str(key): value for key, value in answers.items()}
    rows: list[SurveyAnswer] = []
    for question in questions:
        value = by_key.get(str(question.pk))
        if _is_empty(value):
            if question.required:
                raise InvalidAnswer(
                    answer_field(question.pk), "This question needs an answer.", "answer_required"
                )
            continue
        rows.extend(_answers_to(question, value))
    return rows


def validate_village(village: Any, municipality_id: int | None = None) -> str:
    """A village of the survey's municipality (every village when it has none), or ""."""
    if village in (None, ""):
        return ""
    known = [v.slug for v in villages_of(municipality_id)] if municipality_id else village_slugs()
    if not isinstance(village, str) or village not in known:
        raise InvalidAnswer("village", f"Unknown village. Choose one of: {', '.join(known)}.")
    return village


def validate_language(language: Any) -> str:
    if not isinstance(language, str) or not is_supported(language):
        raise InvalidAnswer("language", f"Unsupported language {language!r}.")
    return language


def record_response(survey: Survey, submission: Submission, today: date) -> SurveyResponse:
    """Check everything, then store the response and its answers together (or nothing).

    ``survey`` must come with its questions (``with_questions``).
    """
    if not survey.accepts_answers():
        raise SurveyClosed
    language = validate_language(submission.language)
    village = validate_village(submission.village, survey.municipality_id)
    rows = validate_answers(survey.questions.all(), submission.answers)
    with transaction.atomic():
        response = SurveyResponse.objects.create(
            survey=survey, language=language, village=village, answered_on=today
        )
        for row in rows:
            row.response = response
        SurveyAnswer.objects.bulk_create(rows)
    return response
