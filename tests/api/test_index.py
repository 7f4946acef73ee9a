"""GET /api/v1/: every endpoint without a path parameter, the schema and the docs."""

import pytest
from django.test import Client

# The test client's host ("testserver") is no configured Site: WAGTAILADMIN_BASE_URL.
SITE = "http://127.0.0.1:8000"
ENDPOINTS = {
    "languages": "languages",
    "categories": "categories",
    "building-blocks": "building-blocks",
    "municipalities": "municipalities",
    "partners": "partners",
    "activities": "activities",
    "activities-ics": "activities.ics",
    "buddies": "buddies",
    "buddy-offers": "buddies/offers",
    "buddy-requests": "buddies/requests",
    "guides": "guides",
    "feedback": "feedback",
    "feedback-form": "feedback/form",
    "glossary": "glossary",
    "policy-plan": "policy-plan",
    "questions": "questions",
    "question-form": "questions/form",
    "search": "search",
    "search-suggest": "search/suggest",
    "surveys": "surveys",
}

# Endpoints that take a POST only: they answer OPTIONS.
POST_ONLY = ("/questions", "/buddies/offers", "/buddies/requests", "/feedback")


def test_the_index_links_every_endpoint_the_schema_and_the_docs(client, db):
    response = client.get("/api/v1/")
    assert response.status_code == 200
    assert response.json() == {
        "endpoints": {name: f"{SITE}/api/v1/{path}" for name, path in ENDPOINTS.items()},
        "schema": f"{SITE}/api/v1/schema",
        "docs": f"{SITE}/api/v1/docs",
    }


def test_every_link_answers(client, db):
    index = client.get("/api/v1/").json()
    for url in [*index["endpoints"].values(), index["schema"], index["docs"]]:
        path = url.removeprefix(SITE)
        if path.endswith(POST_ONLY):
            assert client.options(path).status_code == 200, path
        elif path.endswith("/suggest"):
            assert client.get(path, {"q": "t"}).status_code == 200
        else:
            assert client.get(path).status_code in (200, 404), path  # 404: no policy plan yet


def test_links_follow_the_host_the_client_used(db):
    client = Client(HTTP_HOST="localhost")
    assert client.get("/api/v1/").json()["schema"] == "http://localhost/api/v1/schema"


@pytest.mark.parametrize("path", ["/api/v1", "/api/"])
def test_only_the_versioned_address_is_the_index(client, db, path):
    assert client.get(path).status_code == 404


def test_the_index_costs_no_query(client, db, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert client.get("/api/v1/").status_code == 200
