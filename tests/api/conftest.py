"""Fixtures for the API tests: a client that reads JSON, and dates relative to today.

Content is built through ``tests.factories`` (the import path). Activity dates
are set relative to the real clock, because the API answers "what's next" from
now; nothing here sleeps or freezes time.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.test import Client

from tests import factories

AMS = ZoneInfo("Europe/Amsterdam")


def local(day: date, hour: int, minute: int = 0) -> datetime:
    """Wall-clock time in Amsterdam on ``day``."""
    return datetime.combine(day, time(hour, minute), tzinfo=AMS)


def days_ahead(days: int) -> date:
    return datetime.now(AMS).date() + timedelta(days=days)


def iso(moment: datetime) -> str:
    return moment.isoformat()


def next_clock_change(after: date) -> date:
    """The first day after ``after`` on which Amsterdam's UTC offset differs from the day before."""
    day = after
    while True:
        following = day + timedelta(days=1)
        if local(following, 12).utcoffset() != local(day, 12).utcoffset():
            return following
        day = following


def three_weeks_before_clock_change() -> date:
    """A day, still ahead of us, three weeks before a change to or from summer time."""
    change = next_clock_change(days_ahead(1))
    while change - timedelta(weeks=3) <= days_ahead(1):
        change = next_clock_change(change)
    return change - timedelta(weeks=3)


class ApiClient:
    """``get("activities", lang="pl")`` → the response, with ``.json()`` for JSON bodies."""

    def __init__(self, client: Client):
        self.client = client

    def get(self, path: str, headers: dict[str, str] | None = None, **params: Any):
        return self.client.get(f"/api/v1/{path}", params, headers=headers or {})

    def json(self, path: str, status: int = 200, **params: Any) -> Any:
        response = self.get(path, **params)
        assert response.status_code == status, response.content[:500]
        return response.json()


@pytest.fixture(autouse=True)
def database_search(settings):
    """The API's tests search the database, whatever ELASTICSEARCH_URL says.

    What they check is the API around ``search.service`` (shape, parameters,
    errors, query counts); the engine itself is tested in tests/search. Index
    updates are sent on commit, which a test's rolled-back transaction never does.
    """
    settings.ELASTICSEARCH_URL = ""


@pytest.fixture
def api(client) -> ApiClient:
    return ApiClient(client)


@pytest.fixture
def club(db) -> dict:
    """A sports club with contact details, imported."""
    record = factories.partner(
        slug="vv-ochten",
        name="VV Ochten",
        type="sports_club",
        email="info@vvochten.nl",
        description={"nl": "Voetbalclub in Ochten.", "pl": "Klub piłkarski w Ochten."},
    )
    factories.load(partners=[record])
    return record


@pytest.fixture
def library(db) -> dict:
    record = factories.partner(slug="bibliotheek", name="Bibliotheek Ochten", type="library")
    factories.load(partners=[record])
    return record
