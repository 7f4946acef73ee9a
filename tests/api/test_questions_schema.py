"""The contact point in the OpenAPI schema: both endpoints, their bodies and their errors."""

import pytest
import yaml


@pytest.fixture
def schema(client, db) -> dict:
    return yaml.safe_load(client.get("/api/v1/schema").content)


def test_posting_a_question_is_documented(schema):
    post = schema["paths"]["/api/v1/questions"]["post"]
    assert set(schema["paths"]["/api/v1/questions"]) == {"post"}  # never read back
    assert set(post["requestBody"]["content"]) == {"application/json"}
    assert {"201", "400", "429"} <= set(post["responses"])
    request = schema["components"]["schemas"]["QuestionRequest"]
    assert set(request["properties"]) == {
        "language",
        "topic",
        "text",
        "contact_method",
        "contact_value",
        "form_token",
        "website",
    }
    assert set(request["required"]) == {"topic", "text", "form_token"}
    assert request["properties"]["text"]["maxLength"] == 2000
    receipt = schema["components"]["schemas"]["QuestionReceipt"]
    assert set(receipt["properties"]) == {
        "reference",
        "topic",
        "answered_by",
        "retention_days",
        "erased_by",
    }
    topics = schema["components"]["schemas"]["QuestionTopicEnum"]["enum"]
    assert topics == ["work", "housing", "health", "language", "school", "other"]


def test_the_form_endpoint_is_documented(schema):
    get = schema["paths"]["/api/v1/questions/form"]["get"]
    assert "200" in get["responses"] and "400" in get["responses"]
    form = schema["components"]["schemas"]["QuestionForm"]
    assert {"topics", "languages", "contact_methods", "form_token", "retention_days"} <= set(
        form["properties"]
    )
