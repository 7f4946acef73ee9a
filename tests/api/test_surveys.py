"""GET surveys, GET surveys/{slug}: open surveys in the visitor's language, with a form token."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from tests import survey_factories


@pytest.fixture
def work_survey(db):
    return survey_factories.survey()


def test_the_list_shows_only_surveys_open_for_answers(api, db):
    survey_factories.survey(slug="open-one")
    survey_factories.survey(slug="draft", is_open=False)
    survey_factories.closed(slug="closed")
    survey_factories.survey(slug="later", opens_at=timezone.now() + timedelta(days=2))
    listed = api.json("surveys", lang="pl")
    assert [survey["slug"] for survey in listed] == ["open-one"]
    assert listed[0]["title"] == "Praca i mieszkanie"
    assert listed[0]["url"] == "/pl/enquete/open-one/"
    assert listed[0]["short_url"] == "http://127.0.0.1:8000/s/open-one"
    assert listed[0]["accepts_answers"] is True
    assert (listed[0]["language"], listed[0]["translated"]) == ("pl", True)


def test_detail_in_polish_with_questions_options_and_a_form_token(api, work_survey):
    survey = api.json("surveys/werk-en-wonen", lang="pl")
    assert survey["title"] == "Praca i mieszkanie"
    assert survey["intro"] == "Pięć krótkich pytań."
    assert [q["kind"] for q in survey["questions"]] == ["single", "multiple", "scale", "text"]
    first = survey["questions"][0]
    assert first["prompt"] == "Czy masz lekarza rodzinnego?"
    assert first["required"] is True
    assert [option["label"] for option in first["options"]] == ["Tak", "Nie"]
    assert survey["questions"][2]["options"] == []
    assert survey["form_token"]
    assert survey["honeypot_field"] == "website"
    assert survey["accepts_answers"] is True


def test_missing_translations_fall_back_and_say_so(api, work_survey):
    survey = api.json("surveys/werk-en-wonen", lang="ro")
    # Title has English; the questions only Dutch.
    assert (survey["title"], survey["fallback_language"]) == ("Work and housing", "en")
    question = survey["questions"][0]
    assert question["prompt"] == "Heeft u een huisarts?"
    assert (question["language"], question["translated"], question["fallback_language"]) == (
        "nl",
        False,
        "nl",
    )


def test_a_closed_survey_still_answers_and_says_it_is_closed(api, db):
    survey_factories.closed(slug="oud")
    assert api.json("surveys/oud")["accepts_answers"] is False


@pytest.mark.parametrize("slug", ["bestaat-niet", "concept", "straks"])
def test_unknown_unpublished_or_not_yet_open_surveys_are_404(api, db, slug):
    survey_factories.survey(slug="concept", is_open=False)
    survey_factories.survey(slug="straks", opens_at=timezone.now() + timedelta(hours=1))
    error = api.json(f"surveys/{slug}", status=404)["error"]
    assert error["code"] == "not_found"


def test_unsupported_language_is_400(api, work_survey):
    assert api.json("surveys/werk-en-wonen", status=400, lang="xx")["error"]["field"] == "lang"


def test_list_and_detail_take_a_constant_number_of_queries(api, db, django_assert_num_queries):
    for n in range(6):
        survey_factories.survey(slug=f"enquete-{n}")
    with django_assert_num_queries(2):  # surveys; unreviewed machine texts
        assert len(api.json("surveys")) == 6
    with django_assert_num_queries(4):  # the survey; its questions; their options; machine texts
        api.json("surveys/enquete-3", lang="pl")
