"""Fuzzing the API from its own OpenAPI schema (schemathesis), over every operation.

The schema is read from the live ``/api/v1/schema`` of the WSGI app, so an
endpoint added later (the survey answers and questions POSTs, say) is fuzzed
as soon as it is documented. Every generated request, valid or not, must get
an answer that is no server error, has a status code the schema documents for
that operation, and a body that matches the documented schema for that code.

The demo municipality is loaded first, and path slugs are drawn from the slugs
that exist as well as from the generator, so detail pages answer 200 with real
objects and not only 404. Bounded: 15 examples per operation keep the whole
run at one to three minutes on a 2-core machine (more when it is shared).

Left out: schemathesis's ``negative_data_rejection``. The API takes an empty
query value (``?lang=``, ``?starts_before=``) as "not given", as the site's
filter forms send them, where that check wants a 400.
"""

from __future__ import annotations

import base64
import json
import os
import time
from collections.abc import Callable
from io import StringIO
from typing import Any

import pytest
import schemathesis
from django.apps import apps
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import override_settings
from django.utils import translation
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from cms.models import Survey, SurveyQuestion
from cms.surveys.answers import survey_form_name
from hub.wsgi import application
from public.guard import issue_form_token
from tests.frontend.conftest import remove_content

SCHEMA_URL = "/api/v1/schema"
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
# WEGWIJS_FUZZ_EXAMPLES=200 for a deeper run by hand; the suite keeps it short.
EXAMPLES_PER_OPERATION = int(os.environ.get("WEGWIJS_FUZZ_EXAMPLES", "15"))


def existing_slugs(collection: str) -> list[str]:
    """Slugs of real objects behind ``/api/v1/<collection>/{slug}``.

    Found through the model named after the collection: "partners" → partner,
    "surveys" → survey, "activities" → activity page.
    """
    singular = collection.replace("-", " ")
    singular = singular[:-3] + "y" if singular.endswith("ies") else singular.removesuffix("s")
    slugs: list[str] = []
    for model in apps.get_app_config("cms").get_models():
        with translation.override("en"):  # the models' names are translated
            name = str(model._meta.verbose_name).lower()
        if name in (singular, f"{singular} page") and hasattr(model, "slug"):
            slugs += list(model.objects.values_list("slug", flat=True)[:5])
    return slugs


schema = schemathesis.openapi.from_wsgi(SCHEMA_URL, application)


@schema.hook
def flatmap_path_parameters(context, path_parameters: dict[str, Any]):
    """``/api/v1/<collection>/{slug}…``: half the time the slug of a real object."""
    if not path_parameters or "slug" not in path_parameters or context.operation is None:
        return st.just(path_parameters)
    slugs = existing_slugs(context.operation.path.split("/")[3])
    if not slugs:
        return st.just(path_parameters)
    real = st.sampled_from(slugs).map(lambda slug: {**path_parameters, "slug": slug})
    return real | st.just(path_parameters)


@pytest.fixture(scope="module")
def demo_content(django_db_setup, django_db_blocker):
    """The demo municipality, committed once for the module and removed afterwards."""
    # The API's tests search the database (tests/api/conftest.py): nothing to index.
    with django_db_blocker.unblock(), override_settings(ELASTICSEARCH_URL=""):
        try:
            call_command("load_demo", stdout=StringIO())
            yield
        finally:
            remove_content()


@pytest.fixture(autouse=True)
def fuzz_settings(demo_content, db, settings):
    """Each operation's requests run in a rolled-back transaction; POST limits raised.

    The WSGI app closes the database connection after each request, as a
    server should; that would end the test's transaction, so it is held open
    here the way Django's test client does. The limits are raised, not
    removed: the schema documents 429 for the limited POSTs, but a run that
    met nothing but 429s would test nothing else.
    """
    settings.PUBLIC_POST_RATES = dict.fromkeys(settings.PUBLIC_POST_RATES, "100000/minute")
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_every_operation_answers_as_documented(case):
    case.call_and_validate(checks=CHECKS)


@pytest.mark.parametrize("collection", ["activities", "guides", "partners"])
def test_detail_pages_are_fuzzed_with_real_slugs(collection):
    assert len(existing_slugs(collection)) == 5


def test_every_write_documents_its_refusals(client):
    """Bad input (400), a body over the limit (413) and the rate limit (429) are in the schema.

    So the fuzz run above, and any client, can meet them without a contract breach.
    """
    document = client.get(SCHEMA_URL, {"format": "json"}).json()
    writes = {
        f"{method.upper()} {path}": set(operation["responses"])
        for path, item in document["paths"].items()
        for method, operation in item.items()
        if method in {"post", "put", "patch", "delete"}
    }
    assert writes, "the public POSTs (survey answers, questions) should be documented"
    for operation, statuses in writes.items():
        assert {"400", "413", "429"} <= statuses, operation


# As deep as the issue's crafted body (issue 21, point 4). Written as text: Python's
# own encoder would give up on a list this deep before sending it.
DEPTH = 3000
NESTED = b"[" * DEPTH + b"]" * DEPTH


# The demo's activity that takes sign-ups through Wegwijs, one list per date.
DEMO_SIGNUPS = "taalcafe-ochten"


def raw_cursor(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode()


# One of the demo's open surveys: a required single choice, a scale from 1 to 5.
DEMO_SURVEY = "wat-nodig"


def survey_response(scale_answer: str) -> Callable[[], bytes]:
    """A sound answer to the demo survey but for the scale, which is ``scale_answer`` as JSON text.

    Built when the test runs: the questions' ids exist only once the demo is loaded.
    Raw text, because Python's encoder cannot write ``1e400`` and writes infinity as
    ``Infinity`` without being asked.
    """

    def body() -> bytes:
        questions = Survey.objects.get(slug=DEMO_SURVEY).questions
        required = questions.get(required=True)
        scale = questions.get(kind=SurveyQuestion.Kind.SCALE)
        answers = {str(required.pk): required.options.first().pk, str(scale.pk): "SCALE"}
        token = issue_form_token(survey_form_name(DEMO_SURVEY), now=time.time() - 10)
        text = json.dumps({"answers": answers, "form_token": token, "website": ""})
        return text.replace('"SCALE"', scale_answer).encode()

    return body


def survey_case(body: bytes | Callable[[], bytes]) -> tuple[str, str, dict]:
    return (
        "/api/v1/surveys/{slug}/responses",
        "POST",
        {"path_parameters": {"slug": DEMO_SURVEY}, "body": body, "media_type": "application/json"},
    )


# Shapes schemathesis's generator did not find with its defaults (issue 21): dates
# that overflow, numbers beyond a float, deep nesting. Sent through the same checks.
BOUNDED_INPUT_CASES = [
    ("/api/v1/activities", "GET", {"query": {"starts_after": "0001-01-01"}}),
    ("/api/v1/activities", "GET", {"query": {"starts_before": "9999-12-31T23:59:59"}}),
    ("/api/v1/activities.ics", "GET", {"query": {"starts_after": "0001-01-01"}}),
    ("/api/v1/search", "GET", {"query": {"q": "taal", "starts_after": "0001-01-01"}}),
    *[
        (path, "GET", {"query": {"cursor": raw_cursor(text)}})
        for path in ("/api/v1/activities", "/api/v1/guides", "/api/v1/partners")
        for text in (
            '{"k": 1e400, "i": 1, "b": false}',
            '{"k": Infinity, "i": 1, "b": false}',
            "[" * 5000,
        )
    ],
    # Activities page by date (guides and partners by title, where this is just a text).
    (
        "/api/v1/activities",
        "GET",
        {"query": {"cursor": raw_cursor('{"k": "0001-01-01", "i": 1, "b": false}')}},
    ),
    ("/api/v1/questions", "POST", {"body": NESTED, "media_type": "application/json"}),
    (
        "/api/v1/questions",
        "POST",
        {"body": b'{"text": ' + NESTED + b', "topic": "work"}', "media_type": "application/json"},
    ),
    # The survey answers: a deep body, and answers that are no number a scale can hold
    # ("²".isdigit() is true, int("²") fails; 1e400 is an infinite float).
    survey_case(NESTED),
    *[
        survey_case(survey_response(answer))
        for answer in ('"²"', '"¹"', "1e400", "-1e400", "Infinity", "NaN", "9" * 5000)
    ],
    # The public POSTs added since: "Was this clear?", sign-ups, buddy offers and requests.
    *[
        (path, "POST", {"body": NESTED, "media_type": "application/json", **extra})
        for path, extra in (
            ("/api/v1/feedback", {}),
            ("/api/v1/buddies/offers", {}),
            ("/api/v1/buddies/requests", {}),
            ("/api/v1/activities/{slug}/signups", {"path_parameters": {"slug": DEMO_SIGNUPS}}),
        )
    ],
    # A date far in the future for the demo's weekly language café, whose lists are per date.
    (
        "/api/v1/activities/{slug}/signups",
        "POST",
        {
            "path_parameters": {"slug": DEMO_SIGNUPS},
            "body": {
                "name": "Ania",
                "contact": {"method": "email", "value": "ania@example.org"},
                "people": 1,
                "occurrence": "9999-12-31",
                "form_token": issue_form_token("signup", now=time.time() - 10),
                "website": "",
            },
            "media_type": "application/json",
        },
    ),
]


@pytest.mark.parametrize(("path", "method", "parts"), BOUNDED_INPUT_CASES)
def test_bounded_input_shapes_answer_as_documented(path, method, parts):
    parts = {name: part() if callable(part) else part for name, part in parts.items()}
    response = schema[path][method].Case(**parts).call_and_validate(checks=CHECKS)
    assert response.status_code == 400, response.text[:300]


def test_the_survey_answers_are_refused_for_their_scale_alone():
    """The same answers with a sound scale are stored: the 400s above are the scale's."""
    path, method, parts = survey_case(survey_response("4"))
    response = schema[path][method].Case(**{**parts, "body": parts["body"]()}).call()
    assert response.status_code == 201, response.text[:300]
