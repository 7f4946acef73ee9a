"""POST surveys/{slug}/responses: anonymous answers, checked against the questions, or nothing kept.

Form tokens are real tokens issued "ten seconds ago" (``issue_form_token``
takes the time), so the minimum fill time passes without sleeping.
"""

from __future__ import annotations

import json
import time

import pytest
from django.test import Client
from django.utils import timezone

from cms.models import SurveyAnswer, SurveyOption, SurveyResponse
from cms.surveys.answers import survey_form_name
from public.guard.tokens import issue_form_token
from tests import survey_factories

URL = "/api/v1/surveys/werk-en-wonen/responses"


@pytest.fixture
def survey(db):
    return survey_factories.survey()


def questions(survey) -> dict[str, object]:
    """Question and option ids by kind: ``single``, ``single_options``, ..."""
    found: dict[str, object] = {}
    for question in survey.questions.order_by("sort_order"):
        found[question.kind] = question.pk
        found[f"{question.kind}_options"] = list(
            question.options.order_by("sort_order").values_list("pk", flat=True)
        )
    return found


def token(slug: str = "werk-en-wonen", seconds_ago: float = 10) -> str:
    return issue_form_token(survey_form_name(slug), now=time.time() - seconds_ago)


def post(client: Client, body: dict, url: str = URL, **params):
    query = "?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else ""
    return client.post(url + query, json.dumps(body), content_type="application/json")


def full_answers(ids: dict) -> dict[str, object]:
    return {
        str(ids["single"]): ids["single_options"][1],
        str(ids["multiple"]): ids["multiple_options"][:2],
        str(ids["scale"]): 4,
        str(ids["text"]): "  Een taalcursus in de avond.  ",
    }


def test_an_answer_is_stored_with_only_language_village_and_day(client, survey):
    ids = questions(survey)
    response = post(
        client,
        {"answers": full_answers(ids), "village": "ochten", "form_token": token(), "website": ""},
        lang="pl",
    )
    assert response.status_code == 201, response.content
    assert response.json() == {
        "survey": "werk-en-wonen",
        "language": "pl",
        "village": "ochten",
        "answered_on": timezone.localdate().isoformat(),
    }
    stored = SurveyResponse.objects.get()
    assert (stored.language, stored.village, stored.answered_on) == (
        "pl",
        "ochten",
        timezone.localdate(),
    )
    # Nothing else about the person exists to be stored.
    assert {field.name for field in SurveyResponse._meta.concrete_fields} == {
        "id",
        "survey",
        "language",
        "village",
        "answered_on",
    }
    answers = SurveyAnswer.objects.filter(response=stored)
    assert set(answers.exclude(option=None).values_list("option_id", flat=True)) == {
        ids["single_options"][1],
        *ids["multiple_options"][:2],
    }
    assert answers.get(question_id=ids["scale"]).scale == 4
    assert answers.get(question_id=ids["text"]).text == "Een taalcursus in de avond."


def test_only_the_required_question_is_needed_and_the_body_language_wins(client, survey):
    ids = questions(survey)
    body = {
        "answers": {str(ids["single"]): str(ids["single_options"][0])},
        "language": "ro",
        "form_token": token(),
    }
    response = post(client, body, lang="pl")
    assert response.status_code == 201, response.content
    assert response.json()["village"] is None
    assert SurveyResponse.objects.get().language == "ro"


def test_post_works_without_a_csrf_cookie(survey):
    ids = questions(survey)
    strict = Client(enforce_csrf_checks=True)
    body = {"answers": {str(ids["single"]): ids["single_options"][0]}, "form_token": token()}
    assert post(strict, body).status_code == 201


def other_question_option(survey) -> int:
    other = survey_factories.survey(slug="ander")
    return SurveyOption.objects.filter(question__survey=other).first().pk


# (name, change to the full answers, field at fault, code)
BAD_ANSWERS = [
    ("unknown question", lambda ids, other: {"999999": "x"}, "answers.999999", "invalid_answer"),
    (
        "option of another question",
        lambda ids, other: {str(ids["single"]): ids["multiple_options"][0]},
        "answers.{single}",
        "invalid_answer",
    ),
    (
        "option of another survey",
        lambda ids, other: {str(ids["multiple"]): [ids["multiple_options"][0], other]},
        "answers.{multiple}",
        "invalid_answer",
    ),
    (
        "two options on a single choice",
        lambda ids, other: {str(ids["single"]): ids["single_options"]},
        "answers.{single}",
        "invalid_answer",
    ),
    (
        "scale above 5",
        lambda ids, other: {str(ids["scale"]): 6},
        "answers.{scale}",
        "invalid_answer",
    ),
    (
        "scale below 1",
        lambda ids, other: {str(ids["scale"]): 0},
        "answers.{scale}",
        "invalid_answer",
    ),
    (
        "scale not whole",
        lambda ids, other: {str(ids["scale"]): 2.5},
        "answers.{scale}",
        "invalid_answer",
    ),
    (
        "scale true",
        lambda ids, other: {str(ids["scale"]): True},
        "answers.{scale}",
        "invalid_answer",
    ),
    (
        "text too long",
        lambda ids, other: {str(ids["text"]): "x" * 2001},
        "answers.{text}",
        "invalid_answer",
    ),
    (
        "text as a list",
        lambda ids, other: {str(ids["text"]): ["a"]},
        "answers.{text}",
        "invalid_answer",
    ),
    (
        "required missing",
        lambda ids, other: {str(ids["single"]): None},
        "answers.{single}",
        "answer_required",
    ),
    (
        "required empty",
        lambda ids, other: {str(ids["single"]): ""},
        "answers.{single}",
        "answer_required",
    ),
]


@pytest.mark.parametrize(
    ("change", "field", "code"),
    [case[1:] for case in BAD_ANSWERS],
    ids=[case[0] for case in BAD_ANSWERS],
)
def test_a_wrong_answer_is_400_naming_the_question_and_nothing_is_stored(
    client, survey, change, field, code
):
    ids = questions(survey)
    answers = {**full_answers(ids), **change(ids, other_question_option(survey))}
    response = post(client, {"answers": answers, "form_token": token()})
    assert response.status_code == 400, response.content
    error = response.json()["error"]
    assert error["field"] == field.format(**ids)
    assert error["code"] == code
    assert SurveyResponse.objects.count() == 0
    assert SurveyAnswer.objects.count() == 0


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"village": "amsterdam"}, "village"),
        ({"language": "xx"}, "language"),
        ({"answers": ["not", "an", "object"]}, "answers"),
        ({"form_token": None}, "form_token"),
    ],
)
def test_a_wrong_field_is_400_naming_it(client, survey, change, field):
    body = {"answers": full_answers(questions(survey)), "form_token": token(), **change}
    response = post(client, body)
    assert response.status_code == 400, response.content
    assert response.json()["error"]["field"] == field
    assert SurveyResponse.objects.count() == 0


@pytest.mark.parametrize(
    ("spam", "field"),
    [
        (lambda: {"website": "http://cheap-pills.example"}, "website"),
        (lambda: {"form_token": token(seconds_ago=0.5)}, "form_token"),
        (lambda: {"form_token": token(seconds_ago=3 * 24 * 3600)}, "form_token"),
        (lambda: {"form_token": token(slug="ander")}, "form_token"),
        (lambda: {"form_token": "forged"}, "form_token"),
    ],
    ids=["honeypot", "too quick", "expired", "other survey", "forged"],
)
def test_bots_are_refused_and_nothing_is_stored(client, survey, spam, field):
    # Tokens are made here, not at collection: "too quick" is relative to now.
    body = {"answers": full_answers(questions(survey)), "form_token": token(), **spam()}
    response = post(client, body)
    assert response.status_code == 400, response.content
    assert response.json()["error"]["field"] == field
    assert SurveyResponse.objects.count() == 0


def test_a_closed_survey_refuses_answers_clearly(client, db):
    survey = survey_factories.closed()
    body = {"answers": full_answers(questions(survey)), "form_token": token()}
    response = post(client, body)
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "survey_closed"
    assert SurveyResponse.objects.count() == 0


@pytest.mark.parametrize("slug", ["bestaat-niet", "concept"])
def test_answers_to_an_unknown_or_unpublished_survey_are_404(client, db, slug):
    survey_factories.survey(slug="concept", is_open=False)
    response = post(
        client, {"answers": {}, "form_token": token(slug)}, url=f"/api/v1/surveys/{slug}/responses"
    )
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_too_many_answers_from_one_client_are_429(client, survey, settings):
    settings.PUBLIC_POST_RATES = {**settings.PUBLIC_POST_RATES, "survey_response": "2/hour"}
    ids = questions(survey)
    answers = {str(ids["single"]): ids["single_options"][0]}
    statuses = [
        post(client, {"answers": answers, "form_token": token()}).status_code for _ in "abc"
    ]
    assert statuses == [201, 201, 429]
    refused = post(client, {"answers": answers, "form_token": token()})
    assert refused.json()["error"]["code"] == "throttled"
    assert SurveyResponse.objects.count() == 2


def test_get_on_the_responses_address_is_405(client, survey):
    response = client.get(URL)
    assert response.status_code == 405
    assert response.json()["error"]["code"] == "method_not_allowed"


def test_an_answer_takes_a_constant_number_of_queries(client, survey, django_assert_num_queries):
    ids = questions(survey)
    body = {"answers": full_answers(ids), "village": "hien", "form_token": token()}
    # The client's rate-limit count in the database cache: read, size check, and a write
    # in a savepoint (6); the survey, its questions, their options (3); in a savepoint
    # (2) the form token marked used (size check, and an insert in a savepoint: 5) and,
    # in a savepoint, the response and all its answers in one insert (4).
    with django_assert_num_queries(20):
        assert post(client, body).status_code == 201


@pytest.mark.parametrize(
    ("address", "methods"),
    [
        ("/api/v1/surveys", ["post", "put", "patch", "delete"]),
        ("/api/v1/surveys/werk-en-wonen", ["post", "put", "patch", "delete"]),
        (URL, ["put", "patch", "delete"]),
    ],
)
def test_surveys_cannot_be_changed_through_the_api(client, survey, address, methods):
    for method in methods:
        response = getattr(client, method)(address, {"title": "x"}, content_type="application/json")
        assert response.status_code == 405, (address, method)
        assert response.json()["error"]["code"] == "method_not_allowed"
    assert survey.questions.count() == 4
    assert SurveyResponse.objects.count() == 0
