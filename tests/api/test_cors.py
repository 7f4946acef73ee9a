"""CORS: partner sites may read the API from their visitors' browsers."""

import pytest


@pytest.fixture
def origin():
    return {"Origin": "https://partner.example"}


def test_any_origin_may_read_by_default(client, db, origin):
    response = client.get("/api/v1/languages", headers=origin)
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]


def test_preflight_allows_only_reading(client, db, origin):
    response = client.options(
        "/api/v1/activities",
        headers={**origin, "Access-Control-Request-Method": "GET"},
    )
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Access-Control-Allow-Methods"] == "GET, HEAD, POST, OPTIONS"
    assert "If-None-Match" in response["Access-Control-Allow-Headers"]


def test_errors_are_readable_cross_origin_too(client, db, origin):
    response = client.get("/api/v1/activities?lang=xx", headers=origin)
    assert response.status_code == 400
    assert response["Access-Control-Allow-Origin"] == "*"


def test_configured_origins_only(client, db, settings, origin):
    settings.CORS_ALLOW_ALL_ORIGINS = False
    settings.CORS_ALLOWED_ORIGINS = ["https://partner.example"]
    allowed = client.get("/api/v1/languages", headers=origin)
    assert allowed["Access-Control-Allow-Origin"] == "https://partner.example"
    assert "Origin" in allowed["Vary"]

    other = client.get("/api/v1/languages", headers={"Origin": "https://elsewhere.example"})
    assert other.status_code == 200
    assert not other.has_header("Access-Control-Allow-Origin")


def test_the_rest_of_the_site_is_left_alone(client, db, origin):
    assert not client.get("/admin/login/", headers=origin).has_header("Access-Control-Allow-Origin")
