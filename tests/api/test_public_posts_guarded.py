"""The public POSTs added after the first audit go through the guard, as questions do.

``public.guard.guarded`` is the one way in for an anonymous submission (size,
rate per client, one-time form token). Issue #21 asks that every new public
form uses it: a presenter that stored "Was this clear?", a sign-up or a buddy
offer or request without it would pass every other test; these would fail.
"""

from __future__ import annotations

import json

import pytest

from tests.api.test_public_posts_crafted_text import POSTS, content  # noqa: F401 (fixture)

SCOPES = {
    "feedback": "feedback",
    "sign-up": "signup",
    "buddy request": "buddy",
    "buddy offer": "buddy",
}


def _body(name: str, number: int) -> dict:
    """A valid body with its own fresh token and, for people, their own address."""
    body = POSTS[name].body()
    if "contact" in body:
        body["contact"] = {"method": "email", "value": f"persoon{number}@example.org"}
    return body


def _send(client, name: str, body) -> object:
    return client.post(POSTS[name].path, body, content_type="application/json")


@pytest.mark.parametrize("name", POSTS)
def test_one_client_is_held_to_the_rate_and_told_when_to_come_back(client, settings, name):
    settings.PUBLIC_POST_RATES = {**settings.PUBLIC_POST_RATES, SCOPES[name]: "2/hour"}
    answers = [_send(client, name, _body(name, number)) for number in range(3)]
    assert [answer.status_code for answer in answers] == [201, 201, 429]
    assert answers[2].json()["error"]["code"] == "throttled"
    assert int(answers[2]["Retry-After"]) > 0
    assert POSTS[name].stored.objects.count() == 2


@pytest.mark.parametrize("name", POSTS)
def test_a_form_token_stores_one_submission(client, name):
    body = _body(name, 1)
    assert _send(client, name, body).status_code == 201
    again = _send(client, name, {**body, **_body(name, 2), "form_token": body["form_token"]})
    assert again.status_code == 400, again.content
    assert again.json()["error"]["field"] == "form_token"
    assert POSTS[name].stored.objects.count() == 1


@pytest.mark.parametrize("name", POSTS)
def test_a_body_over_the_limit_is_refused_before_it_is_read(client, settings, name):
    body = json.dumps({**_body(name, 1), "text": "x" * settings.API_MAX_BODY_BYTES})
    answer = _send(client, name, body)
    assert answer.status_code == 413
    assert not POSTS[name].stored.objects.exists()
