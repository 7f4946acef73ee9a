"""The site's forms know a client by an address nobody can forge, and a form token is
good for one submission: the same guard as the API's (public/guard).
"""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.utils import translation

from cms.contact_point.routing import set_responsible
from cms.models import Partner, Question, SurveyResponse
from tests import factories, survey_factories

from .test_question_form import fields
from .test_survey_form import PAGE, form_data

MADE_UP = [f"203.0.113.{n}" for n in range(1, 10)]


@pytest.fixture(autouse=True)
def tight_limits(settings, db):
    cache.clear()  # counts committed by live-server tests of this run
    settings.TRUSTED_PROXY_COUNT = 0
    settings.PUBLIC_POST_RATES = {"question": "1/hour", "survey_response": "1/hour"}


@pytest.fixture
def ggd(db):
    factories.load(partners=[factories.partner(slug="ggd", name="GGD", type="ggd")])
    set_responsible("health", Partner.objects.get(slug="ggd"))


@pytest.fixture
def survey(db):
    return survey_factories.survey()


def test_made_up_addresses_do_not_get_more_questions_through(client, ggd):
    assert client.post("/en/vraag/", fields()).status_code == 302
    assert client.post("/en/vraag/", fields()).status_code == 429
    statuses = [
        client.post("/en/vraag/", fields(), headers={"X-Forwarded-For": forged}).status_code
        for forged in MADE_UP
    ]
    assert statuses == [429] * len(MADE_UP)
    assert Question.objects.count() == 1


def test_made_up_addresses_do_not_get_more_survey_answers_through(client, survey):
    assert client.post(PAGE, form_data(survey)).status_code == 303
    assert client.post(PAGE, form_data(survey)).status_code == 429
    statuses = [
        client.post(PAGE, form_data(survey), headers={"X-Forwarded-For": forged}).status_code
        for forged in MADE_UP
    ]
    assert statuses == [429] * len(MADE_UP)
    assert SurveyResponse.objects.count() == 1


def test_behind_one_trusted_proxy_the_right_most_address_counts(client, survey, settings):
    settings.TRUSTED_PROXY_COUNT = 1

    def send(forwarded: str) -> int:
        headers = {"X-Forwarded-For": forwarded}
        return client.post(PAGE, form_data(survey), headers=headers).status_code

    assert send(f"{MADE_UP[0]}, 198.51.100.20") == 303
    assert send(f"{MADE_UP[1]}, 198.51.100.20") == 429
    assert send(f"{MADE_UP[2]}, 198.51.100.21") == 303
    assert SurveyResponse.objects.count() == 2


def test_a_question_form_sent_twice_is_stored_once(client, ggd, settings):
    settings.PUBLIC_POST_RATES = {"question": "5/hour"}
    sent = fields()
    assert client.post("/en/vraag/", sent).status_code == 302
    again = client.post("/en/vraag/", sent)
    assert again.status_code == 400
    assert "could not be sent yet" in again.content.decode()
    assert Question.objects.count() == 1


def test_a_survey_form_sent_twice_is_stored_once(client, survey, settings):
    settings.PUBLIC_POST_RATES = {"survey_response": "5/hour"}
    sent = form_data(survey)
    assert client.post(PAGE, sent).status_code == 303
    again = client.post(PAGE, sent)
    assert again.status_code == 400
    with translation.override("pl"):
        message = translation.gettext("Please wait a moment and send your answers again.")
    assert message in again.content.decode()
    assert SurveyResponse.objects.count() == 1
