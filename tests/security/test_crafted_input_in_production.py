"""The issue's crafted inputs answer 400, never 500, also as production runs (issue 21, point 4).

The other tests run with ``DEBUG`` on, and Django's test client raises what a
view raised. Here ``DEBUG`` and ``DEBUG_PROPAGATE_EXCEPTIONS`` are off and the
client hands back the answer a visitor would see, error page and all: what a
production server would send for the same request.
"""

from __future__ import annotations

import base64

import pytest
from django.test import Client, override_settings

from tests import survey_factories

DEPTH = 3000
NESTED = "[" * DEPTH + "]" * DEPTH


def raw_cursor(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode()


CRAFTED_READS = [
    ("/api/v1/activities", {"starts_after": "0001-01-01"}),
    *[
        ("/api/v1/activities", {"cursor": raw_cursor(text)})
        for text in (
            '{"k": 1e400, "i": 1, "b": false}',
            '{"k": Infinity, "i": 1, "b": false}',
            '{"k": "0001-01-01T00:00:00", "i": 1, "b": false}',
            "[" * 5000,
        )
    ],
]
PUBLIC_POSTS = ["/api/v1/questions", "/api/v1/surveys/werk-en-wonen/responses"]


@pytest.fixture
def production_client(db, site_structure) -> Client:
    survey_factories.survey()
    with override_settings(DEBUG=False, DEBUG_PROPAGATE_EXCEPTIONS=False):
        yield Client(raise_request_exception=False)


@pytest.mark.parametrize(("path", "params"), CRAFTED_READS)
def test_a_crafted_query_is_a_400(production_client, path, params):
    response = production_client.get(path, params)
    assert response.status_code == 400, response.content[:300]


@pytest.mark.parametrize("path", PUBLIC_POSTS)
def test_a_body_nested_3000_deep_is_a_400(production_client, path):
    response = production_client.post(path, NESTED, content_type="application/json")
    assert response.status_code == 400, response.content[:300]


def test_a_day_outside_our_years_on_the_site_is_a_400_with_the_page(production_client):
    response = production_client.get("/nl/activiteiten/", {"date": "9999-12-31"})
    assert response.status_code == 400
    assert 'class="error" role="alert"' in response.content.decode()
