"""The API's anonymous POSTs know a client by an address nobody can forge, and a form
token is good for one submission (public/guard), for questions and survey answers alike.
"""

from __future__ import annotations

import json

import pytest
from django.core.cache import cache
from django.db import connection

from cms.contact_point.routing import set_responsible
from cms.models import Partner, Question, SurveyResponse
from tests import factories, survey_factories

from .test_questions import question
from .test_surveys_responses import questions, token

MADE_UP = [f"203.0.113.{n}" for n in range(1, 10)]
SURVEY_URL = "/api/v1/surveys/werk-en-wonen/responses"


@pytest.fixture(autouse=True)
def tight_limits(settings, db):
    cache.clear()  # counts committed by live-server tests of this run
    settings.TRUSTED_PROXY_COUNT = 0
    settings.PUBLIC_POST_RATES = {"question": "2/hour", "survey_response": "2/hour"}


@pytest.fixture
def routing(db):
    factories.load(
        partners=[factories.partner(slug="gemeente", name="Gemeente", type="municipality")]
    )
    set_responsible("housing", Partner.objects.get(slug="gemeente"))


@pytest.fixture
def survey(db):
    return survey_factories.survey()


def ask(client, body: dict | None = None, **headers):
    return client.post(
        "/api/v1/questions", body or question(), content_type="application/json", headers=headers
    )


def answer(client, survey, form_token: str | None = None, **headers):
    ids = questions(survey)
    body = {
        "answers": {str(ids["single"]): ids["single_options"][0]},
        "form_token": form_token or token(),
    }
    return client.post(
        SURVEY_URL, json.dumps(body), content_type="application/json", headers=headers
    )


class TestForgedForwardedFor:
    def test_made_up_addresses_do_not_get_more_questions_through(self, client, routing):
        assert [ask(client).status_code for _ in range(2)] == [201, 201]
        assert ask(client).status_code == 429
        refused = [ask(client, **{"X-Forwarded-For": forged}) for forged in MADE_UP]
        assert [response.status_code for response in refused] == [429] * len(MADE_UP)
        assert {response.json()["error"]["code"] for response in refused} == {"throttled"}
        assert Question.objects.count() == 2

    def test_made_up_addresses_do_not_get_more_survey_answers_through(self, client, survey):
        assert [answer(client, survey).status_code for _ in range(2)] == [201, 201]
        assert answer(client, survey).status_code == 429
        refused = [answer(client, survey, **{"X-Forwarded-For": forged}) for forged in MADE_UP]
        assert [response.status_code for response in refused] == [429] * len(MADE_UP)
        assert SurveyResponse.objects.count() == 2

    def test_behind_one_trusted_proxy_the_right_most_address_counts(
        self, client, routing, settings
    ):
        settings.TRUSTED_PROXY_COUNT = 1
        seen = "198.51.100.20"  # what our proxy saw; the client wrote the rest
        statuses = [
            ask(client, **{"X-Forwarded-For": f"{forged}, {seen}"}).status_code
            for forged in MADE_UP[:4]
        ]
        assert statuses == [201, 201, 429, 429]
        other = ask(client, **{"X-Forwarded-For": f"{MADE_UP[0]}, 198.51.100.21"})
        assert other.status_code == 201
        assert Question.objects.count() == 3


class TestOneSubmissionPerToken:
    def test_a_question_token_is_refused_the_second_time(self, client, routing):
        body = question()
        assert ask(client, body).status_code == 201
        again = ask(client, body)
        assert again.status_code == 400
        error = again.json()["error"]
        assert (error["code"], error["field"]) == ("refused", "form_token")
        assert Question.objects.count() == 1

    def test_a_survey_token_is_refused_the_second_time(self, client, survey):
        form_token = token()
        assert answer(client, survey, form_token).status_code == 201
        again = answer(client, survey, form_token)
        assert again.status_code == 400
        assert again.json()["error"]["field"] == "form_token"
        assert SurveyResponse.objects.count() == 1

    def test_a_refused_question_leaves_its_token_for_the_corrected_one(self, client, routing):
        form_token = question()["form_token"]
        invalid = ask(client, question(form_token=form_token, text="short"))
        assert invalid.status_code == 400
        assert invalid.json()["error"]["field"] == "text"
        assert ask(client, question(form_token=form_token)).status_code == 201

    def test_the_used_token_is_kept_as_a_hash_only(self, client, routing):
        body = question()
        assert ask(client, body).status_code == 201
        with connection.cursor() as cursor:
            cursor.execute("SELECT cache_key, value FROM wegwijs_cache")
            stored = " ".join(f"{key} {value}" for key, value in cursor.fetchall())
        assert body["form_token"] not in stored
        assert "127.0.0.1" not in stored
