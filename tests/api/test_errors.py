"""Every failure answers {"error": {"code", "message", "field"}}; bad input is never a 500."""

import base64
import json

import pytest
from django.db import transaction
from django.test import Client, override_settings

from tests import factories
from tests.api.endpoints import READS


@pytest.fixture(scope="module")
def content_for_module(django_db_setup, django_db_blocker):
    """A club with an activity and a guide, imported once for the module's ~100 cases.

    The tests only read: each runs in a savepoint inside this transaction and
    is rolled back to it, and the transaction is rolled back at the end.
    """
    with (
        django_db_blocker.unblock(),
        override_settings(ELASTICSEARCH_URL=""),
        transaction.atomic(),
    ):
        factories.load(
            partners=[factories.partner(slug="vv-ochten", name="VV Ochten", type="sports_club")],
            activities=[factories.activity("vv-ochten", slug="taalcafe")],
            guides=[factories.guide("vv-ochten", slug="huisarts")],
        )
        yield
        transaction.set_rollback(True)


@pytest.fixture
def content(content_for_module, db):
    """``content_for_module``, unchanged for every test."""


def cursor(token) -> str:
    return raw_cursor(json.dumps(token))


def raw_cursor(text: str) -> str:
    """A cursor holding ``text`` as it is: JSON that ``json.dumps`` would never write."""
    return base64.urlsafe_b64encode(text.encode()).decode()


def assert_error(response, status: int, code: str, field: str | None):
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "field"}
    assert (body["error"]["code"], body["error"]["field"]) == (code, field)
    assert body["error"]["message"]


MALFORMED = [
    # (endpoint, parameters, the field the error names)
    ("activities", {"category": "not a slug"}, "category"),
    ("activities", {"category": "sprot"}, "category"),
    ("activities", {"category": "x" * 300}, "category"),
    ("activities", {"partner": "bestaat-niet"}, "partner"),
    ("activities", {"partner": "nul\x00byte"}, "partner"),
    ("activities", {"offered_language": "xx"}, "offered_language"),
    ("activities", {"audience": "aliens"}, "audience"),
    ("activities", {"starts_after": "2027-02-30"}, "starts_after"),
    ("activities", {"starts_after": "2027-13-01T10:00"}, "starts_after"),
    ("activities", {"starts_after": "gisteren"}, "starts_after"),
    ("activities", {"starts_after": "99999-01-01"}, "starts_after"),
    ("activities", {"starts_after": "0001-01-01T00:00:00+14:00"}, "starts_after"),
    ("activities", {"starts_after": "9999-12-31T23:59:59-12:00"}, "starts_after"),
    ("activities", {"starts_before": "2027-01-01", "starts_after": "2027-02-01"}, "starts_before"),
    ("activities", {"starts_before": "2027-01-01", "starts_after": "2027-01-01"}, "starts_before"),
    ("activities", {"near": "ochten"}, "near"),
    ("activities", {"near": "51.9"}, "near"),
    ("activities", {"near": "51.9,5.5,3"}, "near"),
    ("activities", {"near": "91,5.5"}, "near"),
    ("activities", {"near": "-90.5,5.5"}, "near"),
    ("activities", {"near": "51.9,181"}, "near"),
    ("activities", {"near": "nan,5.5"}, "near"),
    ("activities", {"near": "51.9,inf"}, "near"),
    ("activities", {"near": "51.9,5.5", "radius_km": "-1"}, "radius_km"),
    ("activities", {"near": "51.9,5.5", "radius_km": "0"}, "radius_km"),
    ("activities", {"near": "51.9,5.5", "radius_km": "ver"}, "radius_km"),
    ("activities", {"near": "51.9,5.5", "radius_km": "nan"}, "radius_km"),
    ("activities", {"near": "51.9,5.5", "radius_km": "inf"}, "radius_km"),
    ("activities", {"near": "51.9,5.5", "radius_km": "1e400"}, "radius_km"),
    ("activities", {"near": "51.9,5.5", "radius_km": "50000"}, "radius_km"),
    ("activities", {"radius_km": "5"}, "radius_km"),
    ("activities", {"free": "misschien"}, "free"),
    ("activities", {"mixed_team": "2"}, "mixed_team"),
    ("activities", {"page_size": "0"}, "page_size"),
    ("activities", {"page_size": "-5"}, "page_size"),
    ("activities", {"page_size": "101"}, "page_size"),
    ("activities", {"page_size": "1e2"}, "page_size"),
    ("activities", {"page_size": "99999999999999999999999"}, "page_size"),
    ("activities", {"page_size": "tien"}, "page_size"),
    ("activities", {"cursor": "garbage!"}, "cursor"),
    ("activities", {"cursor": cursor({"k": "gisteren", "i": 1, "b": False})}, "cursor"),
    (
        "activities",
        {"cursor": cursor({"k": "2027-01-01T00:00:00+00:00", "i": 10**30, "b": 0})},
        "cursor",
    ),
    ("activities", {"cursor": cursor(["not", "a", "dict"])}, "cursor"),
    # Bounded input (issue 21): dates that overflow, numbers beyond a float, deep nesting.
    ("activities", {"starts_after": "0001-01-01"}, "starts_after"),
    ("activities", {"starts_before": "9999-12-31"}, "starts_before"),
    ("activities", {"starts_after": "1000-06-01T10:00"}, "starts_after"),
    ("activities.ics", {"starts_after": "0001-01-01"}, "starts_after"),
    ("search", {"starts_after": "0001-01-01"}, "starts_after"),
    *[
        (endpoint, {"cursor": raw_cursor(text)}, "cursor")
        for endpoint in ("activities", "guides", "partners")
        for text in (
            '{"k": 1e400, "i": 1, "b": false}',
            '{"k": Infinity, "i": 1, "b": false}',
            '{"k": NaN, "i": 1, "b": false}',
            '{"k": "x", "i": 1e400, "b": false}',
            '{"k": "x", "i": Infinity, "b": false}',
            "[" * 5000,
            '{"k": ' + "[" * 5000 + "]" * 5000 + ', "i": 1, "b": false}',
        )
    ],
    ("activities", {"cursor": cursor({"k": "0001-01-01T00:00:00", "i": 1, "b": 0})}, "cursor"),
    ("activities", {"cursor": cursor({"k": "9999-12-31T23:59:59", "i": 1, "b": 1})}, "cursor"),
    ("activities.ics", {"near": "200,200"}, "near"),
    ("activities.ics", {"starts_before": "2027-02-29"}, "starts_before"),
    ("guides", {"topic": "astrology"}, "topic"),
    ("guides", {"page_size": "1000"}, "page_size"),
    ("guides", {"cursor": cursor({"k": "a\x00b", "i": 1, "b": False})}, "cursor"),
    ("partners", {"page_size": "0"}, "page_size"),
    ("partners", {"cursor": "%%%"}, "cursor"),
    ("search", {"type": "events"}, "type"),
    ("search", {"type": "activity,spam"}, "type"),
    ("search", {"category": "nope"}, "category"),
    ("search", {"offered_language": "klingon"}, "offered_language"),
    ("search", {"near": "1,2", "radius_km": "-3"}, "radius_km"),
    ("search", {"starts_after": "2027-02-30"}, "starts_after"),
    ("search", {"page_size": "500"}, "page_size"),
    ("search", {"q": "x" * 201}, "q"),
    ("search", {"q": "taal\x00cafe"}, "q"),
    ("search/suggest", {}, "q"),
    ("search/suggest", {"q": "taal", "limit": "0"}, "limit"),
    ("search/suggest", {"q": "taal", "limit": "veel"}, "limit"),
]


@pytest.mark.parametrize(("endpoint", "params", "field"), MALFORMED)
def test_malformed_parameter_is_a_400_naming_it(api, content, endpoint, params, field):
    assert_error(api.get(endpoint, **params), 400, "invalid_parameter", field)


ENDPOINTS = [*READS, "search/suggest?q=t"]


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_unknown_language_is_a_400_on_every_endpoint(api, content, endpoint):
    separator = "&" if "?" in endpoint else "?"
    response = api.client.get(f"/api/v1/{endpoint}{separator}lang=klingon")
    assert_error(response, 400, "unsupported_language", "lang")


@pytest.mark.parametrize("path", ["activities/bestaat-niet", "guides/nee", "partners/niemand"])
def test_unknown_slug_is_a_json_404(api, content, path):
    assert_error(api.get(path), 404, "not_found", None)


@pytest.mark.parametrize(
    "path", ["/api/v1/nothing-here", "/api/v2/activities", "/api/", "/api/v1/activities/"]
)
def test_unknown_api_address_is_a_json_404_not_a_html_page(client, db, path):
    assert_error(client.get(path), 404, "not_found", None)


def test_policy_plan_without_a_published_plan_is_a_json_404(api, db):
    from cms.models import PolicyPlanPage
    from cms.site_structure import ensure_site_structure

    ensure_site_structure()
    PolicyPlanPage.objects.get().unpublish()
    assert_error(api.get("policy-plan"), 404, "not_found", None)


def test_unacceptable_media_type_is_a_json_406(api, content):
    assert_error(api.get("activities", {"Accept": "application/xml"}), 406, "not_acceptable", None)


def test_unexpected_failure_is_a_json_500_and_is_logged(content, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise RuntimeError("database on fire")

    monkeypatch.setattr("api.views.languages.supported_languages", broken)
    # As a real server would: the exception is not handed back to the caller.
    response = Client(raise_request_exception=False).get("/api/v1/languages")
    assert_error(response, 500, "server_error", None)
    assert "database on fire" not in response.content.decode()
    assert any("database on fire" in str(record.exc_info) for record in caplog.records)


def test_the_site_outside_the_api_keeps_its_own_error_pages(client, db):
    response = client.get("/nl/this-page-does-not-exist/")
    assert response.status_code == 404
    assert not response["Content-Type"].startswith("application/json")
