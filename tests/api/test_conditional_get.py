"""Conditional GET: an ETag on every read, 304 when the client already has the answer."""

import pytest

from tests import factories
from tests.api.endpoints import INDEX
from tests.api.endpoints import READS as CONTENT_READS

READS = [INDEX, *CONTENT_READS, "search/suggest?q=taal"]


@pytest.fixture
def content(club):
    factories.load(
        activities=[factories.activity("vv-ochten", slug="taalcafe", title={"nl": "Taalcafé"})],
        guides=[factories.guide("vv-ochten", slug="huisarts")],
        policy_actions=[factories.policy_action(slug="taallessen")],
    )


@pytest.mark.parametrize("path", READS)
def test_unchanged_answer_is_a_304_without_a_body(client, content, path):
    first = client.get(f"/api/v1/{path}")
    assert first.status_code == 200
    assert first["ETag"]
    assert "max-age" in first["Cache-Control"] and "public" in first["Cache-Control"]

    again = client.get(f"/api/v1/{path}", headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]


@pytest.mark.parametrize(
    "path", ["activities", "activities/taalcafe", "activities.ics", "search?q=taal"]
)
def test_a_change_of_content_changes_the_etag(client, content, path):
    first = client.get(f"/api/v1/{path}")
    factories.load(
        activities=[
            factories.activity("vv-ochten", slug="taalcafe", title={"nl": "Taalcafé en koffie"})
        ]
    )
    changed = client.get(f"/api/v1/{path}", headers={"If-None-Match": first["ETag"]})
    assert changed.status_code == 200
    assert changed["ETag"] != first["ETag"]


def test_each_language_has_its_own_etag(client, content):
    dutch = client.get("/api/v1/activities/taalcafe")
    polish = client.get(
        "/api/v1/activities/taalcafe", headers={"If-None-Match": dutch["ETag"]}, data={"lang": "pl"}
    )
    assert polish.status_code == 200
    assert polish["ETag"] != dutch["ETag"]


def test_errors_carry_no_etag(client, content):
    assert not client.get("/api/v1/activities/bestaat-niet").has_header("ETag")
