"""Needs surveys: which ones are open, and answering one from the API or the site's form.

Checking and storing the answers is ``cms.surveys.answers``; this module puts
it behind the guard and turns its refusals into ``Refused``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone

from cms.models import Survey, SurveyResponse
from cms.municipalities.registry import MunicipalityInfo
from cms.municipalities.scoping import held_by
from cms.surveys.answers import (
    InvalidAnswer,
    Submission,
    SurveyClosed,
    record_response,
    with_questions,
)

from .guard import Entry, Refused, guarded

# The rate (``PUBLIC_POST_RATES``) shared by the API and the site.
SURVEY_SCOPE = "survey_response"


def open_surveys(municipality: MunicipalityInfo | None = None) -> QuerySet:
    """The municipality's surveys accepting answers, soonest closing first."""
    return held_by(Survey.objects.accepting_answers(), municipality).order_by("closes_at", "slug")


def visible_surveys(municipality: MunicipalityInfo | None = None) -> QuerySet:
    """Published surveys, open or closed, with their questions and options (three queries).

    Closed surveys stay visible: an old poster's visitor learns it is closed.
    """
    return with_questions(held_by(Survey.objects.visible(), municipality))


def visible_survey(slug: str) -> Survey | None:
    return visible_surveys().filter(slug=slug).first()


@dataclass(frozen=True)
class SurveyAnswers:
    """One person's answers to one survey, as a presenter read them."""

    survey: Survey
    submission: Submission


def _record(answers: SurveyAnswers) -> SurveyResponse:
    try:
        return record_response(answers.survey, answers.submission, timezone.localdate())
    except SurveyClosed:
        raise Refused.conflict("survey_closed", SurveyClosed.message) from None
    except InvalidAnswer as problem:
        raise Refused.invalid(problem.field, problem.message, problem.code) from None


def answer_survey(request: HttpRequest, read: Callable[[], Entry[SurveyAnswers]]) -> SurveyResponse:
    """Store the answers ``read`` parses from ``request``, or raise ``Refused``."""
    return guarded(request, SURVEY_SCOPE, read, _record)
