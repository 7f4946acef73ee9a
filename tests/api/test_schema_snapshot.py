"""The OpenAPI schema: a committed snapshot, so that every contract change is a visible diff.

Run ``UPDATE_SNAPSHOTS=1 pytest tests/api/test_schema_snapshot.py`` after an
intended change and commit the new ``schema_snapshot.yaml`` with it.
"""

import difflib
import os
from pathlib import Path

import pytest
import yaml
from django.core.management import call_command

SNAPSHOT = Path(__file__).with_name("schema_snapshot.yaml")

CONTRACT_PATHS = {
    "/api/v1/languages",
    "/api/v1/categories",
    "/api/v1/building-blocks",
    "/api/v1/municipalities",
    "/api/v1/partners",
    "/api/v1/partners/{slug}",
    "/api/v1/activities",
    "/api/v1/activities/{slug}",
    "/api/v1/activities.ics",
    "/api/v1/activities/{slug}/signups",
    "/api/v1/buddies",
    "/api/v1/buddies/offers",
    "/api/v1/buddies/requests",
    "/api/v1/guides",
    "/api/v1/guides/{slug}",
    "/api/v1/policy-plan",
    "/api/v1/questions",
    "/api/v1/questions/form",
    "/api/v1/feedback",
    "/api/v1/feedback/form",
    "/api/v1/glossary",
    "/api/v1/search",
    "/api/v1/search/suggest",
    "/api/v1/surveys",
    "/api/v1/surveys/{slug}",
    "/api/v1/surveys/{slug}/responses",
}
# GET /api/v1/: links to the rest; no texts, so no language and no parameter to refuse.
INDEX_PATH = "/api/v1/"
# Lists scoped to the request's municipality (DESIGN.md, "Contract additions").
MUNICIPAL_PATHS = (
    "/api/v1/activities",
    "/api/v1/activities.ics",
    "/api/v1/building-blocks",
    "/api/v1/guides",
    "/api/v1/partners",
    "/api/v1/policy-plan",
    "/api/v1/search",
    "/api/v1/surveys",
)
ACTIVITY_FILTERS = {
    "category",
    "partner",
    "offered_language",
    "audience",
    "starts_after",
    "starts_before",
    "near",
    "radius_km",
    "free",
    "mixed_team",
}


@pytest.fixture
def schema_text(client, db) -> str:
    response = client.get("/api/v1/schema")
    assert response.status_code == 200
    return response.content.decode()


def test_schema_matches_the_committed_snapshot(schema_text):
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        SNAPSHOT.write_text(schema_text, encoding="utf-8")
    committed = SNAPSHOT.read_text(encoding="utf-8") if SNAPSHOT.exists() else ""
    if schema_text != committed:
        diff = "".join(
            difflib.unified_diff(
                committed.splitlines(keepends=True),
                schema_text.splitlines(keepends=True),
                fromfile="tests/api/schema_snapshot.yaml (committed)",
                tofile="/api/v1/schema (now)",
            )
        )
        pytest.fail(
            "The API contract changed. If that is intended, run UPDATE_SNAPSHOTS=1 pytest "
            f"tests/api/test_schema_snapshot.py and commit the snapshot.\n{diff}",
            pytrace=False,
        )


def test_schema_is_valid_openapi_without_warnings(db, tmp_path):
    # --fail-on-warn: an undocumented field or parameter type is an error, not a guess.
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "s.yaml"))


def test_schema_documents_only_the_public_api_and_all_of_it(schema_text):
    paths = set(yaml.safe_load(schema_text)["paths"])
    assert paths == CONTRACT_PATHS | {INDEX_PATH}


def parameters(schema: dict, path: str) -> set[str]:
    """The parameters of the path's GET (or of its only operation, for a POST-only path)."""
    operations = schema["paths"][path]
    operation = operations.get("get") or next(iter(operations.values()))
    return {parameter["name"] for parameter in operation["parameters"]}


def test_every_parameter_is_documented(schema_text):
    schema = yaml.safe_load(schema_text)
    for path in ("/api/v1/activities", "/api/v1/activities.ics"):
        assert parameters(schema, path) >= ACTIVITY_FILTERS
    assert {"cursor", "page_size"} <= parameters(schema, "/api/v1/activities")
    assert {"topic", "cursor", "page_size"} <= parameters(schema, "/api/v1/guides")
    assert {"q", "type", "category", "offered_language", "near", "radius_km"} <= parameters(
        schema, "/api/v1/search"
    )
    assert {"starts_after", "page_size"} <= parameters(schema, "/api/v1/search")
    for path in CONTRACT_PATHS:
        assert {"lang", "Accept-Language"} <= parameters(schema, path), path
    for path in MUNICIPAL_PATHS:
        assert "municipality" in parameters(schema, path), path


def test_every_error_answer_is_documented_in_the_error_shape(schema_text):
    schema = yaml.safe_load(schema_text)
    error = {"$ref": "#/components/schemas/ApiError"}
    for path, operations in schema["paths"].items():
        if path == INDEX_PATH:
            continue
        for method, operation in operations.items():
            bad_request = operation["responses"]["400"]
            assert bad_request["content"]["application/json"]["schema"] == error, (path, method)
            if "{slug}" in path:
                not_found = operation["responses"]["404"]
                assert not_found["content"]["application/json"]["schema"] == error, path
    assert set(schema["components"]["schemas"]["ErrorDetail"]["properties"]) == {
        "code",
        "message",
        "field",
    }


def test_survey_endpoints_document_their_request_and_answers(schema_text):
    schema = yaml.safe_load(schema_text)
    post = schema["paths"]["/api/v1/surveys/{slug}/responses"]["post"]
    assert set(post["requestBody"]["content"]) == {"application/json"}
    assert {"201", "400", "404", "409", "429"} <= set(post["responses"])
    request = schema["components"]["schemas"]["SurveyResponseRequest"]
    assert set(request["properties"]) == {"answers", "language", "village", "form_token", "website"}
    survey = schema["components"]["schemas"]["Survey"]
    assert {"questions", "form_token", "language", "translated", "fallback_language"} <= set(
        survey["properties"]
    )
