"""The public POSTs added after the first audit take crafted input as the question form does.

Issue #21 (point 4) made the question and the survey answer refuse control
characters (NUL breaks PostgreSQL) and drop bidi controls, and made 3 000
nested ``[`` a 400. "Was this clear?", sign-ups and buddy offers and requests
came later: each is asked the same here, and must answer 400 naming the field
and store nothing, or store the text without its bidi controls.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.core.cache import cache
from django.db.models import Model

from cms.models import BuddyOffer, BuddyProject, BuddyRequest, PageFeedback, Partner, Signup
from public.guard import issue_form_token
from tests import factories
from tests.signup_helpers import signup_activity


@dataclass(frozen=True)
class PublicPost:
    """One anonymous POST: its path, a valid body, what it stores and its free text field."""

    path: str
    body: Callable[[], dict]
    stored: type[Model]
    text_field: str


def _token(form: str) -> str:
    return issue_form_token(form, now=time.time() - 10)


def _person(form: str) -> dict:
    return {
        "name": "Oleh",
        "contact": {"method": "email", "value": "oleh@example.org"},
        "language": "uk",
        "languages": ["uk"],
        "village": "ochten",
        "times": ["evenings"],
        "help": ["conversation"],
        "form_token": _token(form),
        "website": "",
    }


POSTS = {
    "feedback": PublicPost(
        "/api/v1/feedback",
        lambda: {
            "kind": "guide",
            "slug": "huisarts",
            "language": "pl",
            "clear": False,
            "reason": "translation",
            "text": "Nie rozumiem tego słowa.",
            "form_token": _token("feedback"),
            "website": "",
        },
        PageFeedback,
        "text",
    ),
    "sign-up": PublicPost(
        "/api/v1/activities/taalcafe-aanmelden/signups",
        lambda: {
            "name": "Ania",
            "contact": {"method": "email", "value": "ania@example.org"},
            "language": "pl",
            "people": 1,
            "form_token": _token("signup"),
            "website": "",
        },
        Signup,
        "name",
    ),
    "buddy request": PublicPost(
        "/api/v1/buddies/requests", lambda: _person("buddy_request"), BuddyRequest, "name"
    ),
    "buddy offer": PublicPost(
        "/api/v1/buddies/offers", lambda: _person("buddy_offer"), BuddyOffer, "name"
    ),
}


@pytest.fixture(autouse=True)
def content(club):
    """A guide to give feedback on, an activity to sign up for, a buddy project."""
    cache.clear()  # the rate limits
    factories.load(
        partners=[factories.partner(slug="taalhuis", name="Taalhuis")],
        guides=[factories.guide("vv-ochten", slug="huisarts")],
        activities=[signup_activity("vv-ochten", slug="taalcafe-aanmelden")],
    )
    BuddyProject.objects.create(partner=Partner.objects.get(slug="taalhuis"))
    yield
    cache.clear()


def _send(client, post: PublicPost, body):
    return client.post(post.path, body, content_type="application/json")


@pytest.mark.parametrize("name", POSTS)
def test_a_valid_body_is_stored_so_the_refusals_below_mean_something(client, name):
    post = POSTS[name]
    answer = _send(client, post, post.body())
    assert answer.status_code == 201, answer.content
    assert post.stored.objects.count() == 1


@pytest.mark.parametrize("name", POSTS)
@pytest.mark.parametrize("control", ["\x00", "\x07", "\x1b", "\x85"], ids=repr)
def test_control_characters_are_refused_naming_the_field(client, name, control):
    post = POSTS[name]
    body = post.body()
    body[post.text_field] = f"Ania{control} Nowak"
    answer = _send(client, post, body)
    assert answer.status_code == 400, answer.content
    assert answer.json()["error"]["field"] == post.text_field
    assert not post.stored.objects.exists()


@pytest.mark.parametrize("name", POSTS)
def test_bidi_controls_are_removed_before_the_text_is_stored(client, name):
    post = POSTS[name]
    body = post.body()
    body[post.text_field] = "An\u202eia\u2066 Nowak\u2069"
    answer = _send(client, post, body)
    assert answer.status_code == 201, answer.content
    stored = post.stored.objects.values_list(post.text_field, flat=True).get()
    assert stored == "Ania Nowak"


@pytest.mark.parametrize("name", ["sign-up", "buddy request", "buddy offer"])
def test_a_name_of_only_bidi_controls_is_no_name(client, name):
    post = POSTS[name]
    answer = _send(client, post, {**post.body(), "name": "\u202e\u2066"})
    assert answer.status_code == 400, answer.content
    assert answer.json()["error"]["field"] == "name"
    assert not post.stored.objects.exists()


@pytest.mark.parametrize("name", POSTS)
@pytest.mark.parametrize(
    "raw",
    ["[" * 3000, '{"name": ' + "[" * 3000 + "]" * 3000 + "}", '{"people": 1e400}'],
    ids=["3000 nested brackets", "nested inside a field", "a number beyond a float"],
)
def test_crafted_json_is_a_400_naming_the_body(client, name, raw):
    post = POSTS[name]
    answer = client.post(post.path, raw, content_type="application/json")
    assert answer.status_code == 400, answer.content
    assert answer.json()["error"]["field"] == "body"
    assert not post.stored.objects.exists()


@pytest.mark.parametrize("name", ["sign-up", "buddy request", "buddy offer"])
def test_a_phone_number_of_superscript_digits_is_no_phone_number(client, name):
    """``"²".isdigit()`` is true: such a "number" was stored, and nobody can call it."""
    post = POSTS[name]
    body = {**post.body(), "contact": {"method": "phone", "value": "²²²²²²²²²"}}
    answer = _send(client, post, body)
    assert answer.status_code == 400, answer.content
    assert answer.json()["error"]["field"] == "contact.value"
    assert not post.stored.objects.exists()
