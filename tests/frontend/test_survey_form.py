"""The survey on the site: a plain HTML form in the visitor's language, no account, no cookie."""

from __future__ import annotations

import re
import time

import pytest
from django.conf import settings
from django.utils import translation

from cms.models import SurveyAnswer, SurveyResponse
from cms.surveys.answers import survey_form_name
from public.guard.tokens import issue_form_token
from tests import survey_factories

PAGE = "/pl/enquete/werk-en-wonen/"
CODES = [code for code, _ in settings.LANGUAGES]


@pytest.fixture
def survey(db):
    return survey_factories.survey()


def ids(survey) -> dict[str, object]:
    found: dict[str, object] = {}
    for question in survey.questions.order_by("sort_order"):
        found[question.kind] = question.pk
        found[f"{question.kind}_options"] = list(
            question.options.order_by("sort_order").values_list("pk", flat=True)
        )
    return found


def form_data(survey, **overrides) -> dict:
    q = ids(survey)
    data = {
        f"q-{q['single']}": str(q["single_options"][0]),
        f"q-{q['multiple']}": [str(q["multiple_options"][0]), str(q["multiple_options"][2])],
        f"q-{q['scale']}": "5",
        f"q-{q['text']}": "Więcej lekcji wieczorem",
        "village": "kesteren",
        "website": "",
        "form_token": issue_form_token(survey_form_name(survey.slug), now=time.time() - 10),
    }
    data.update(overrides)
    return data


def test_the_survey_page_speaks_polish_and_hides_the_honeypot(client, survey):
    response = client.get(PAGE)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Praca i mieszkanie" in html
    assert "Czy masz lekarza rodzinnego?" in html
    assert "Tak" in html and "Nie" in html
    with translation.override("pl"):
        assert translation.gettext("Send my answers") in html
    honeypot = re.search(r'<div class="sr" aria-hidden="true">.*?</div>', html, re.S).group(0)
    assert 'name="website"' in honeypot and 'tabindex="-1"' in honeypot
    assert re.search(r'<input type="hidden" name="form_token" value="[^"]+">', html)
    # Nothing to track anyone by: no session, no CSRF cookie.
    assert not response.cookies


def test_an_answer_through_the_form_is_stored_and_thanked_in_polish(client, survey):
    response = client.post(PAGE, form_data(survey))
    assert response.status_code == 303
    assert response["Location"] == "/pl/enquete/werk-en-wonen/bedankt/"
    stored = SurveyResponse.objects.get()
    assert (stored.language, stored.village) == ("pl", "kesteren")
    q = ids(survey)
    assert set(SurveyAnswer.objects.exclude(option=None).values_list("option_id", flat=True)) == {
        q["single_options"][0],
        q["multiple_options"][0],
        q["multiple_options"][2],
    }
    thanks = client.get(response["Location"]).content.decode()
    with translation.override("pl"):
        assert translation.gettext("Thank you!") in thanks
    assert not response.cookies


def test_the_form_needs_no_csrf_cookie(survey):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(PAGE, form_data(survey))
    assert response.status_code == 303


def test_a_missing_required_answer_is_shown_at_the_question_and_choices_are_kept(client, survey):
    q = ids(survey)
    response = client.post(PAGE, form_data(survey, **{f"q-{q['single']}": ""}))
    assert response.status_code == 400
    html = response.content.decode()
    with translation.override("pl"):
        assert translation.gettext("This question needs an answer.") in html
    assert f'id="question-{q["single"]}" aria-describedby="problem-{q["single"]}"' in html
    # What was already filled in is still there.
    assert re.search(rf'value="{q["multiple_options"][2]}" checked', html)
    assert "Więcej lekcji wieczorem" in html
    assert '<option value="kesteren" selected>' in html
    assert SurveyResponse.objects.count() == 0


@pytest.mark.parametrize(
    "spam",
    [
        lambda survey: {"website": "http://spam.example"},
        lambda survey: {
            "form_token": issue_form_token(survey_form_name(survey.slug), now=time.time())
        },
    ],
    ids=["honeypot", "too quick"],
)
def test_bots_are_refused_and_people_asked_to_send_again(client, survey, spam):
    response = client.post(PAGE, form_data(survey, **spam(survey)))
    assert response.status_code == 400
    with translation.override("pl"):
        assert translation.gettext("Please wait a moment and send your answers again.") in (
            response.content.decode()
        )
    assert SurveyResponse.objects.count() == 0


def test_many_answers_from_one_phone_are_slowed_down(client, survey, settings):
    settings.PUBLIC_POST_RATES = {**settings.PUBLIC_POST_RATES, "survey_response": "1/hour"}
    assert client.post(PAGE, form_data(survey)).status_code == 303
    assert client.post(PAGE, form_data(survey)).status_code == 429
    assert SurveyResponse.objects.count() == 1


def test_a_closed_survey_says_so_and_stores_nothing(client, db):
    survey = survey_factories.closed()
    html = client.get(PAGE).content.decode()
    with translation.override("pl"):
        assert translation.gettext("This survey is closed. Thank you for your interest.") in html
    assert "<form" not in html.split('<main id="main">')[1]
    assert client.post(PAGE, form_data(survey)).status_code == 409
    assert SurveyResponse.objects.count() == 0


def test_an_unpublished_survey_is_not_found(client, db):
    survey_factories.survey(is_open=False)
    assert client.get(PAGE).status_code == 404


@pytest.mark.parametrize(("accept", "language"), [("pl,en;q=0.5", "pl"), ("ro", "ro"), ("", "nl")])
def test_the_short_poster_address_opens_the_survey_in_the_phones_language(
    client, survey, accept, language
):
    for address in ("/s/werk-en-wonen", "/s/werk-en-wonen/"):
        response = client.get(address, headers={"accept-language": accept})
        assert response.status_code == 302, address
        assert response["Location"] == f"/{language}/enquete/werk-en-wonen/"
        assert "Accept-Language" in response["Vary"]


def test_the_survey_list_shows_open_surveys(client, db):
    survey_factories.survey(slug="open")
    survey_factories.closed(slug="dicht")
    html = client.get("/pl/enquete/").content.decode()
    assert 'href="/pl/enquete/open/"' in html
    assert "/pl/enquete/dicht/" not in html


@pytest.mark.parametrize("code", CODES)
def test_the_form_speaks_every_language(client, survey, code):
    html = client.get(f"/{code}/enquete/werk-en-wonen/").content.decode()
    with translation.override(code):
        for text in ("Send my answers", "Where do you live? (optional)", "Survey"):
            assert translation.gettext(text) in html, (code, text)
            if code != "en":
                assert translation.gettext(text) != text, (code, text)


def test_the_survey_page_takes_a_constant_number_of_queries(
    client, survey, django_assert_num_queries
):
    for n in range(3):
        survey_factories.survey(slug=f"extra-{n}")
    client.get(PAGE)  # Wagtail's site lookup and similar per-process caches
    with django_assert_num_queries(3):  # the survey; its questions; their options
        assert client.get(PAGE).status_code == 200
