"""POST questions and GET questions/form: ask anonymously, get a reference, nothing echoed."""

from __future__ import annotations

import time

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import translation

from cms.contact_point.routing import set_responsible
from cms.models import Partner, Question
from public.guard.tokens import issue_form_token
from search.models import IndexChange
from tests import factories


def token(age_seconds: float = 10) -> str:
    """A form token handed out ``age_seconds`` ago (past the minimum fill time)."""
    return issue_form_token("question", now=time.time() - age_seconds)


def question(**overrides) -> dict:
    body = {
        "language": "pl",
        "topic": "housing",
        "text": "Mój pracodawca chce 150 euro tygodniowo za łóżko. Czy to dozwolone?",
        "contact_method": "email",
        "contact_value": "anna@example.org",
        "form_token": token(),
        "website": "",
    }
    body.update(overrides)
    return body


def post(client: Client, body: dict, headers: dict | None = None, **extra):
    return client.post(
        "/api/v1/questions", body, content_type="application/json", headers=headers, **extra
    )


@pytest.fixture
def routing(db):
    factories.load(
        partners=[
            factories.partner(slug="gemeente", name="Gemeente Neder-Betuwe", type="municipality"),
            factories.partner(slug="ggd", name="GGD Gelderland-Zuid", type="ggd"),
        ]
    )
    set_responsible("housing", Partner.objects.get(slug="gemeente"))
    set_responsible("health", Partner.objects.get(slug="ggd"))


def test_a_question_is_stored_routed_and_answered_with_a_reference_only(client, routing):
    response = post(client, question())
    assert response.status_code == 201, response.content
    body = response.json()
    assert set(body) == {"reference", "topic", "answered_by", "retention_days", "erased_by"}
    assert body["answered_by"] == "Gemeente Neder-Betuwe"
    assert body["retention_days"] == 90
    # Nothing the asker typed comes back.
    assert "anna@example.org" not in response.content.decode()
    assert "łóżko" not in response.content.decode()
    stored = Question.objects.get(reference=body["reference"])
    assert stored.routed_partner.slug == "gemeente"
    assert (stored.language, stored.topic, stored.status) == ("pl", "housing", "new")
    assert stored.contact_method == "email" and stored.contact_value == "anna@example.org"
    assert stored.text.startswith("Mój pracodawca")


def test_a_topic_nobody_is_responsible_for_goes_to_the_coordinators(client, routing):
    response = post(client, question(topic="work", contact_method="", contact_value=""))
    assert response.status_code == 201
    assert response.json()["answered_by"] is None
    stored = Question.objects.get()
    assert stored.routed_partner is None
    assert stored.contact_method == "" and stored.contact_value == ""


def test_a_phone_number_is_kept_without_separators(client, routing):
    post(client, question(contact_method="whatsapp", contact_value="+48 (600) 123-456"))
    assert Question.objects.get().contact_value == "+48600123456"


INVALID = [
    ({"topic": ""}, "topic"),
    ({"topic": "visa"}, "topic"),
    ({"language": "de"}, "language"),
    ({"text": "Help?"}, "text"),
    ({"text": "x" * 2001}, "text"),
    ({"text": ["Mój pracodawca chce pieniędzy"]}, "text"),
    ({"contact_method": "email", "contact_value": ""}, "contact_value"),
    ({"contact_method": "email", "contact_value": "anna at example"}, "contact_value"),
    ({"contact_method": "phone", "contact_value": "call me"}, "contact_value"),
    ({"contact_method": "", "contact_value": "anna@example.org"}, "contact_method"),
    ({"contact_method": "pigeon"}, "contact_method"),
]


@pytest.mark.parametrize(("change", "field"), INVALID)
def test_bad_input_is_a_400_naming_the_field_and_stores_nothing(client, routing, change, field):
    response = post(client, question(**change))
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["field"] == field, error
    assert error["code"] == "invalid_parameter"
    assert error["message"]
    assert not Question.objects.exists()


def test_a_missing_field_is_named(client, routing):
    body = question()
    del body["text"]
    response = post(client, body)
    assert response.status_code == 400
    assert response.json()["error"]["field"] == "text"


def test_messages_are_in_english_whatever_the_visitor_speaks(client, routing):
    response = post(client, question(text="Pomoc"), headers={"Accept-Language": "pl"})
    assert "at least 10 characters" in response.json()["error"]["message"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda: {"website": "https://cheap-pills.example"}, "website"),
        (lambda: {"form_token": ""}, "form_token"),
        (lambda: {"form_token": "made-up"}, "form_token"),
        (lambda: {"form_token": issue_form_token("survey:x", now=time.time() - 10)}, "form_token"),
        # Sent faster than a person types, and a stale form.
        (lambda: {"form_token": token(age_seconds=0)}, "form_token"),
        (lambda: {"form_token": token(age_seconds=2 * 24 * 3600)}, "form_token"),
    ],
)
def test_spam_is_refused_naming_the_field(client, routing, change, field):
    response = post(client, question(**change()))
    assert response.status_code == 400
    error = response.json()["error"]
    assert (error["code"], error["field"]) == ("refused", field)
    assert not Question.objects.exists()


def test_too_many_questions_from_one_client_are_a_429_in_the_error_shape(client, routing, settings):
    cache.clear()  # counts committed by live-server tests of this run
    settings.PUBLIC_POST_RATES = {**settings.PUBLIC_POST_RATES, "question": "2/hour"}
    assert post(client, question()).status_code == 201
    assert post(client, question()).status_code == 201
    refused = post(client, question())
    assert refused.status_code == 429
    assert refused.json()["error"]["code"] == "throttled"
    assert int(refused["Retry-After"]) > 0
    assert Question.objects.count() == 2
    # Another client is not affected.
    other = post(client, question(), REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 201


def test_no_csrf_cookie_is_needed(routing):
    strict = Client(enforce_csrf_checks=True)
    assert post(strict, question()).status_code == 201


def test_questions_are_never_read_back_nor_indexed(client, routing, api):
    reference = post(client, question(text="Zgłaszam problem z agencją Kowalczyk")).json()[
        "reference"
    ]
    assert client.get("/api/v1/questions").status_code == 405
    assert client.get(f"/api/v1/questions/{reference}").status_code == 404
    assert api.json("search", q="Kowalczyk")["total"] == 0
    assert not IndexChange.objects.exists()


def test_the_form_names_topics_in_the_requested_language_with_who_answers(api, routing):
    response = api.get("questions/form", lang="pl")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    body = response.json()
    topics = {topic["key"]: topic for topic in body["topics"]}
    assert list(topics) == ["work", "housing", "health", "language", "school", "other"]
    with translation.override("pl"):
        assert topics["work"]["label"] == translation.gettext("Work") != "Work"
    assert topics["housing"]["answered_by"] == "Gemeente Neder-Betuwe"
    assert topics["work"]["answered_by"] is None
    assert [m["key"] for m in body["contact_methods"]] == ["email", "phone", "whatsapp"]
    assert len(body["languages"]) == 13
    assert body["retention_days"] == 90
    assert body["form_token"]
    assert response["Content-Language"] == "pl"


def test_the_forms_token_is_accepted_once_a_person_could_have_filled_it_in(
    client, api, routing, settings
):
    settings.FORM_MIN_FILL_SECONDS = 0
    form_token = api.json("questions/form")["form_token"]
    assert post(client, question(form_token=form_token)).status_code == 201


def test_the_form_refuses_an_unknown_language(api, routing):
    response = api.get("questions/form", lang="de")
    assert response.status_code == 400
    assert response.json()["error"]["field"] == "lang"


def test_a_partner_site_may_post_from_the_browser(client):
    response = client.options(
        "/api/v1/questions",
        headers={
            "Origin": "https://partner.example",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert response.status_code == 204
    assert "POST" in response["Access-Control-Allow-Methods"]
    assert "Content-Type" in response["Access-Control-Allow-Headers"]


def test_query_counts(client, api, routing, django_assert_num_queries):
    with django_assert_num_queries(1):  # the routing with its partners
        assert api.get("questions/form").status_code == 200
    # The rate limit reads and writes the client's count in the database cache (6, two in a
    # savepoint); in a savepoint (2) the form token marked used (size check, and an insert
    # in a savepoint: 5), the routing (1) and the insert in a savepoint (3).
    with django_assert_num_queries(17):
        assert post(client, question()).status_code == 201


def test_without_a_language_the_question_is_in_the_requests_language(client, routing):
    body = question()
    del body["language"]
    response = client.post("/api/v1/questions?lang=uk", body, content_type="application/json")
    assert response.status_code == 201
    assert Question.objects.get().language == "uk"


def test_only_json_is_taken(client, routing):
    response = client.post("/api/v1/questions", question())  # a multipart form
    assert response.status_code == 415
    assert response.json()["error"]["code"] == "unsupported_media_type"
    assert not Question.objects.exists()
