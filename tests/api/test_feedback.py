"""Was this clear? through the API: behind the guard, nothing echoed, bad input names the field."""

from __future__ import annotations

import time

import pytest
from django.test import Client

from cms.models import PageFeedback
from public.guard.tokens import issue_form_token
from tests import factories


def token(age_seconds: float = 10) -> str:
    return issue_form_token("feedback", now=time.time() - age_seconds)


def answer(**overrides) -> dict:
    body = {
        "kind": "guide",
        "slug": "huisarts",
        "language": "bg",
        "clear": False,
        "reason": "translation",
        "text": "Думата 'huisarts' не е обяснена.",
        "form_token": token(),
        "website": "",
    }
    body.update(overrides)
    return body


def post(client: Client, body: dict):
    return client.post("/api/v1/feedback", body, content_type="application/json")


@pytest.fixture
def guide(club):
    factories.load(guides=[factories.guide("vv-ochten", slug="huisarts")])


def test_an_unclear_translation_is_stored_anonymously(client, guide):
    response = post(client, answer())
    assert response.status_code == 201, response.content
    assert response.json() == {"status": "received"}
    stored = PageFeedback.objects.get()
    assert (stored.language, stored.clear, stored.reason) == ("bg", False, "translation")
    assert stored.page.slug == "huisarts" and stored.text.startswith("Думата")
    assert {f.name for f in PageFeedback._meta.fields} == {
        "id",
        "page",
        "language",
        "clear",
        "reason",
        "text",
        "given_on",
    }  # no address, agent or time of day


def test_yes_needs_no_reason_and_keeps_no_text(client, guide):
    assert post(client, answer(clear=True, reason="", text="bla")).status_code == 201
    stored = PageFeedback.objects.get()
    assert stored.clear and stored.reason == "" and stored.text == ""


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"reason": ""}, "reason"),
        ({"slug": "no-such-guide"}, "slug"),
        ({"kind": "partner"}, "kind"),
        ({"language": "xx"}, "language"),
        ({"text": "x" * 501}, "text"),
        ({"clear": "maybe"}, "clear"),
    ],
)
def test_bad_input_names_the_field_and_stores_nothing(client, guide, overrides, field):
    response = post(client, answer(**overrides))
    assert response.status_code == 400, response.content
    assert response.json()["error"]["field"] == field
    assert not PageFeedback.objects.exists()


def test_the_guard_refuses_bots_and_used_tokens(client, guide):
    assert post(client, answer(website="http://spam.example")).status_code == 400
    used = token()
    assert post(client, answer(form_token=used)).status_code == 201
    again = post(client, answer(form_token=used))
    assert again.status_code == 400 and again.json()["error"]["field"] == "form_token"
    assert post(client, answer(form_token=token(age_seconds=0))).status_code == 400
    assert PageFeedback.objects.count() == 1


def test_the_form_speaks_the_visitors_language_and_hands_out_a_token(client, db):
    body = client.get("/api/v1/feedback/form", {"lang": "pl"}).json()
    assert body["question"] == "Czy to było zrozumiałe?"
    assert [r["key"] for r in body["reasons"]] == ["translation", "outdated", "wrong", "other"]
    assert body["reasons"][0]["label"] == "Tłumaczenie jest trudne do zrozumienia"
    assert body["form_token"] and body["text_retention_days"] == 90
