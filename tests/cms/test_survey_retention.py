"""Survey answers are deleted once their retention has passed, and not a day earlier."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from cms.models import SurveyAnswer, SurveyResponse
from tests import survey_factories


def test_expired_answers_are_deleted_and_recent_ones_kept(db, settings):
    settings.SURVEY_RESPONSE_RETENTION_DAYS = 30
    survey = survey_factories.survey()
    question = survey.questions.get(kind="text")
    today = timezone.localdate()
    for days_ago in (31, 30, 2):
        response = SurveyResponse.objects.create(
            survey=survey, language="pl", answered_on=today - timedelta(days=days_ago)
        )
        SurveyAnswer.objects.create(response=response, question=question, text=f"{days_ago}")

    out = StringIO()
    call_command("purge_survey_responses", stdout=out)

    assert "deleted: 1" in out.getvalue()
    assert sorted(SurveyAnswer.objects.values_list("text", flat=True)) == ["2", "30"]
    assert SurveyResponse.objects.count() == 2
