"""The list's walk over occurrences (public/soonest.py) answers byte for byte what sorting
every match answered: every page, forward and back, for a set of filter combinations."""

from datetime import timedelta

import pytest
from django.utils import timezone

from api.pagination import KeysetCursorPagination
from api.views.activities import ActivityListView, ActivityPagination
from public import activities
from public.activities import parse_activity_filter
from tests import factories
from tests.api.conftest import days_ahead, iso, local

NEAR = {"lat": 51.911, "lon": 5.571}
FAR = {"lat": 52.370, "lon": 4.890}  # Amsterdam, far outside 5 km


def place(point: dict) -> dict:
    return {"name": "Ergens", "address": "Straat 1", **point}


@pytest.fixture
def varied(club):
    """One-offs (two at the same moment), a running exhibition, weekly and ended series,
    past one-offs (no next occurrence: they come last), near and far, two categories."""
    now = timezone.now()
    records = []

    def add(slug, starts, ends=None, **extra):
        records.append(
            factories.activity(
                "vv-ochten", slug=slug, starts_at=iso(starts), ends_at=ends and iso(ends), **extra
            )
        )

    for n in range(6):
        add(f"los-{n}", local(days_ahead(2 + 3 * n), 10), category="sport" if n % 2 else "language")
    add("zelfde-a", local(days_ahead(5), 10), location=place(FAR))
    add("zelfde-b", local(days_ahead(5), 10), category="sport")
    add("tentoonstelling", now - timedelta(days=10), now + timedelta(days=20), location=place(FAR))
    add(
        "wekelijks",
        now - timedelta(days=20),
        now - timedelta(days=20, hours=-1),
        recurrence="FREQ=WEEKLY",
        category="sport",
    )
    add(
        "afgelopen-reeks",
        now - timedelta(days=40),
        now - timedelta(days=40, hours=-2),
        recurrence="FREQ=WEEKLY;COUNT=3",
    )
    add("voorbij-1", now - timedelta(days=3), now - timedelta(days=3, hours=-2))
    add("voorbij-2", now - timedelta(days=30), None, category="sport", location=place(FAR))
    add("betaald", local(days_ahead(9), 19), cost={"free": False, "amount": "2.50"})
    add("ver-weg", local(days_ahead(40), 19), location=place(FAR))
    factories.load(activities=records)


FILTERS = [
    {},
    {"category": "sport"},
    {"category": "language", "free": "true"},
    {"free": "false"},
    {"starts_after": iso(local(days_ahead(3), 0)), "starts_before": iso(local(days_ahead(30), 0))},
    {"starts_after": iso(local(days_ahead(-60), 0))},
    {"starts_before": iso(local(days_ahead(6), 0))},
    {"near": "51.91,5.57", "radius_km": "5"},
    {
        "near": "51.91,5.57",
        "radius_km": "5",
        "starts_after": iso(local(days_ahead(1), 0)),
        "starts_before": iso(local(days_ahead(31), 0)),
    },
    {"partner": "vv-ochten", "category": "sport"},
]


def crawl(api, params: dict) -> list[tuple[str, bytes]]:
    """Every page forward from the first, and each page's previous link: (url, body)."""
    seen = []
    response = api.get("activities", **params)
    url = "first"
    while True:
        assert response.status_code == 200, response.content[:300]
        seen.append((url, response.content))
        page = response.json()
        if page["previous"]:
            back = api.client.get(page["previous"])
            seen.append((page["previous"], back.content))
        if not page["next"]:
            return seen
        url = page["next"]
        response = api.client.get(url)


def sorting_every_match(monkeypatch):
    """The list as it was: every match annotated with its next occurrence, then sorted."""
    monkeypatch.setattr(ActivityPagination, "rows", KeysetCursorPagination.rows)
    monkeypatch.setattr(ActivityPagination, "key_field", KeysetCursorPagination.key_field)
    monkeypatch.setattr(
        ActivityListView,
        "get_queryset",
        lambda view: activities.listed_activities(
            parse_activity_filter(view.request.query_params), view.language, timezone.now()
        ),
    )


@pytest.mark.parametrize("page_size", [1, 3, 100])
def test_the_walk_answers_what_sorting_every_match_answered(api, varied, monkeypatch, page_size):
    walked = {}
    for n, filters in enumerate(FILTERS):
        walked[n] = crawl(api, {**filters, "page_size": page_size, "lang": "pl"})
    sorting_every_match(monkeypatch)
    for n, filters in enumerate(FILTERS):
        sorted_ = crawl(api, {**filters, "page_size": page_size, "lang": "pl"})
        assert [url for url, _ in walked[n]] == [url for url, _ in sorted_], filters
        for (url, new), (_, old) in zip(walked[n], sorted_, strict=True):
            assert new == old, (filters, url)


def test_the_walk_lists_every_kind_of_activity_once(api, varied):
    page = api.json("activities", page_size=2)
    listed = [item["slug"] for item in page["results"]]
    while page["next"]:
        page = api.client.get(page["next"]).json()
        listed += [item["slug"] for item in page["results"]]
    # Running now first, then soonest first, ties by id; without a next date last, by id.
    assert listed[0] == "tentoonstelling"
    assert listed.index("zelfde-a") + 1 == listed.index("zelfde-b")
    assert listed[-3:] == ["afgelopen-reeks", "voorbij-1", "voorbij-2"]
    assert len(listed) == len(set(listed)) == 15
