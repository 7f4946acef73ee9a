"""The API only reads: every write method is a 405 in the error shape, and nothing changes."""

import pytest
from django.contrib.auth import get_user_model

from cms.models import ActivityPage, GuidePage, Partner, PolicyAction
from tests import factories
from tests.api.endpoints import INDEX, READS

ENDPOINTS = [INDEX, *READS, "search/suggest", "schema", "docs"]
WRITES = ["post", "put", "patch", "delete"]


@pytest.fixture
def content(club):
    factories.load(
        activities=[factories.activity("vv-ochten", slug="taalcafe")],
        guides=[factories.guide("vv-ochten", slug="huisarts")],
        policy_actions=[factories.policy_action(slug="taallessen")],
    )


def snapshot():
    return (
        list(ActivityPage.objects.values_list("slug", "title", "live")),
        list(GuidePage.objects.values_list("slug", "title", "live")),
        list(Partner.objects.values_list("slug", "name")),
        list(PolicyAction.objects.values_list("slug", "progress")),
    )


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_write_methods_are_405_in_the_error_shape(client, content, endpoint):
    before = snapshot()
    for method in WRITES:
        response = getattr(client, method)(
            f"/api/v1/{endpoint}", {"title": "Overgenomen"}, content_type="application/json"
        )
        assert response.status_code == 405, method
        assert response.json()["error"]["code"] == "method_not_allowed"
        assert "POST" not in response["Allow"] and "GET" in response["Allow"]
    assert snapshot() == before


def test_a_logged_in_editor_reads_like_anyone_and_cannot_write(client, content):
    editor = get_user_model().objects.create_superuser("beheer", "beheer@example.org", "x" * 12)
    client.force_login(editor)
    assert client.get("/api/v1/activities").status_code == 200
    response = client.post("/api/v1/activities", {"slug": "nieuw"})
    assert response.status_code == 405
    assert not ActivityPage.objects.filter(slug="nieuw").exists()


def test_head_answers_like_get_without_a_body(client, content):
    response = client.head("/api/v1/activities")
    assert response.status_code == 200
    assert response.content == b""
    assert response["ETag"] == client.get("/api/v1/activities")["ETag"]
