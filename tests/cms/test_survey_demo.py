"""The demo survey: open, one question of every kind, really translated into five languages."""

from __future__ import annotations

import pytest

from cms.demo.surveys import load_demo_surveys
from cms.models import Survey, SurveyOption, SurveyQuestion

REAL_LANGUAGES = ("nl", "en", "pl", "ro", "bg")


@pytest.mark.django_db
def test_the_demo_survey_is_open_and_translated():
    assert load_demo_surveys() == 2  # Neder-Betuwe's and Tiel's
    survey = Survey.objects.get(slug="wat-nodig")
    assert survey.accepts_answers()
    questions = SurveyQuestion.objects.filter(survey=survey)
    assert set(questions.values_list("kind", flat=True)) == {"single", "multiple", "scale", "text"}
    texts = [survey, *questions, *SurveyOption.objects.filter(question__survey=survey)]
    for obj in texts:
        field = {"Survey": "title", "SurveyQuestion": "prompt", "SurveyOption": "label"}[
            type(obj).__name__
        ]
        values = [getattr(obj, f"{field}_{code}") for code in REAL_LANGUAGES]
        assert all(values), (obj, field)
        assert len(set(values)) > 1 or field == "label", (obj, values)


@pytest.mark.django_db
def test_loading_the_demo_again_keeps_the_survey_and_its_answers():
    load_demo_surveys()
    before = SurveyQuestion.objects.count()
    assert load_demo_surveys() == 0
    assert Survey.objects.count() == 2
    assert SurveyQuestion.objects.count() == before
