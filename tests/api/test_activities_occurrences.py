"""Recurring activities: the next ten dates, at one local hour on both sides of a clock change."""

from datetime import datetime, timedelta

from tests import factories
from tests.api.conftest import AMS, days_ahead, iso, local, three_weeks_before_clock_change


def test_next_occurrences_stay_at_seven_across_the_clock_change(api, club):
    start = local(three_weeks_before_clock_change(), 19)
    factories.load(
        activities=[
            factories.activity(
                "vv-ochten",
                slug="taalcafe",
                starts_at=iso(start),
                ends_at=iso(start + timedelta(hours=2)),
                recurrence="FREQ=WEEKLY",
            )
        ]
    )
    dates = api.json("activities/taalcafe")["next_occurrences"]

    assert len(dates) == 10
    starts = [datetime.fromisoformat(item["starts_at"]) for item in dates]
    assert [moment.astimezone(AMS).hour for moment in starts] == [19] * 10
    offsets = {moment.utcoffset() for moment in starts}
    assert offsets == {timedelta(hours=1), timedelta(hours=2)}  # both sides of the change
    assert all(datetime.fromisoformat(item["ends_at"]).astimezone(AMS).hour == 21 for item in dates)


def test_next_occurrences_skip_the_past(api, club):
    start = local(days_ahead(-21), 10)
    factories.load(
        activities=[
            factories.activity(
                "vv-ochten",
                slug="ochtend",
                starts_at=iso(start),
                ends_at=iso(start + timedelta(hours=1)),
                recurrence="FREQ=DAILY;COUNT=30",
            )
        ]
    )
    dates = api.json("activities/ochtend")["next_occurrences"]
    # 30 daily dates from 21 days ago: today's (if not over) and the 8 after it remain.
    first = datetime.fromisoformat(dates[0]["starts_at"])
    assert first.date() in (days_ahead(0), days_ahead(1))
    assert datetime.fromisoformat(dates[-1]["starts_at"]).date() == days_ahead(8)


def test_one_off_activity_has_one_next_occurrence(api, club):
    start = local(days_ahead(5), 14)
    factories.load(
        activities=[
            factories.activity("vv-ochten", slug="eenmalig", starts_at=iso(start), ends_at=None)
        ]
    )
    assert api.json("activities/eenmalig")["next_occurrences"] == [
        {"starts_at": iso(start), "ends_at": iso(start)}
    ]


def test_activity_that_is_over_has_none_and_comes_last_in_the_list(api, club):
    factories.load(
        activities=[
            factories.activity(
                "vv-ochten", slug="voorbij", starts_at=iso(local(days_ahead(-3), 9)), ends_at=None
            ),
            factories.activity(
                "vv-ochten", slug="straks", starts_at=iso(local(days_ahead(30), 9)), ends_at=None
            ),
        ]
    )
    assert api.json("activities/voorbij")["next_occurrences"] == []
    results = api.json("activities")["results"]
    assert [item["slug"] for item in results] == ["straks", "voorbij"]
    assert results[1]["next_occurrence"] is None
