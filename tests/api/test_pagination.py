"""Cursor pagination: next, previous, results; page_size from 1 to 100."""

from datetime import timedelta

import pytest

from tests import factories
from tests.api.conftest import days_ahead, iso, local


@pytest.fixture
def seven(club):
    """Seven activities on seven consecutive days, two of them at the same moment."""
    starts = [local(days_ahead(1 + n), 10) for n in range(6)] + [local(days_ahead(3), 10)]
    factories.load(
        activities=[
            factories.activity("vv-ochten", slug=f"dag-{n}", starts_at=iso(start), ends_at=None)
            for n, start in enumerate(starts)
        ]
    )


def follow(api, url):
    response = api.client.get(url)
    assert response.status_code == 200, response.content
    return response.json()


def test_pages_follow_each_other_without_gaps_or_repeats(api, seven):
    page = api.json("activities", page_size=3)
    assert page["previous"] is None
    seen = [item["slug"] for item in page["results"]]
    while page["next"]:
        page = follow(api, page["next"])
        seen += [item["slug"] for item in page["results"]]
    # Soonest first; the two activities at the same moment keep a stable order.
    assert seen == ["dag-0", "dag-1", "dag-2", "dag-6", "dag-3", "dag-4", "dag-5"]


def test_previous_leads_back_to_the_same_page(api, seven):
    first = api.json("activities", page_size=3)
    second = follow(api, first["next"])
    back = follow(api, second["previous"])
    assert back["results"] == first["results"]
    assert back["previous"] is None


def test_links_keep_the_filters_and_language(api, seven):
    page = api.json("activities", page_size=2, lang="pl", category="language")
    assert "lang=pl" in page["next"] and "category=language" in page["next"]


def test_default_page_size_is_twenty_and_at_most_a_hundred(api, club):
    start = local(days_ahead(1), 10)
    factories.load(
        activities=[
            factories.activity(
                "vv-ochten",
                slug=f"a-{n}",
                starts_at=iso(start + timedelta(minutes=n)),
                ends_at=None,
            )
            for n in range(21)
        ]
    )
    first = api.json("activities")
    assert len(first["results"]) == 20 and first["next"]
    assert len(api.json("activities", page_size=100)["results"]) == 21
    assert api.get("activities", page_size=101).status_code == 400


def test_a_new_activity_does_not_shift_the_next_page(api, seven):
    first = api.json("activities", page_size=3)
    # Published while someone reads page one, earlier than everything on it.
    factories.load(
        activities=[
            factories.activity(
                "vv-ochten", slug="nieuw", starts_at=iso(local(days_ahead(0), 23, 59)), ends_at=None
            )
        ]
    )
    second = follow(api, first["next"])
    assert [item["slug"] for item in second["results"]] == ["dag-6", "dag-3", "dag-4"]


def test_partners_and_guides_page_the_same_way(api, club, library):
    page = api.json("partners", page_size=1)
    assert [item["slug"] for item in page["results"]] == ["bibliotheek"]
    assert [item["slug"] for item in follow(api, page["next"])["results"]] == ["vv-ochten"]


def test_pages_reach_the_activities_without_a_next_date(api, club):
    """They sort last on a key beyond the accepted years; their cursors still work."""
    past = [local(days_ahead(-10 - n), 10) for n in range(3)]
    factories.load(
        activities=[
            factories.activity("vv-ochten", slug=f"voorbij-{n}", starts_at=iso(start), ends_at=None)
            for n, start in enumerate(past)
        ]
    )
    page = api.json("activities", page_size=1)
    seen = [item["slug"] for item in page["results"]]
    while page["next"]:
        page = follow(api, page["next"])
        seen += [item["slug"] for item in page["results"]]
    assert seen == ["voorbij-0", "voorbij-1", "voorbij-2"]
    back = follow(api, page["previous"])
    assert [item["slug"] for item in back["results"]] == ["voorbij-1"]
