"""Helpers for the sign-up tests: an activity that takes sign-ups, a valid body, a POST."""

from __future__ import annotations

import time
from typing import Any

from django.test import Client

from public.guard import issue_form_token
from tests import factories
from tests.api.conftest import days_ahead, iso, local


def token(age_seconds: float = 10) -> str:
    """A sign-up form token handed out ``age_seconds`` ago (past the minimum fill time)."""
    return issue_form_token("signup", now=time.time() - age_seconds)


def signup_activity(partner_slug: str, capacity: int | None = 2, **overrides: Any) -> dict:
    """A one-off activity next week that takes sign-ups through Wegwijs."""
    return factories.activity(
        partner_slug,
        **{
            "starts_at": iso(local(days_ahead(7), 19)),
            "ends_at": iso(local(days_ahead(7), 21)),
            "registration": {"required": True, "type": "wegwijs", "capacity": capacity},
            **overrides,
        },
    )


def body(**overrides: Any) -> dict:
    data = {
        "name": "Ania",
        "contact": {"method": "email", "value": "ania@example.org"},
        "language": "pl",
        "people": 1,
        "form_token": token(),
        "website": "",
    }
    data.update(overrides)
    return data


def post_signup(client: Client, slug: str, data: dict, **extra: Any):
    return client.post(
        f"/api/v1/activities/{slug}/signups", data, content_type="application/json", **extra
    )
