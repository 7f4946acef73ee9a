"""activities.ics: a valid RFC 5545 feed that calendar apps can subscribe to."""

from datetime import timedelta

import pytest
from dateutil.rrule import rrulestr
from icalendar import Calendar

from tests import factories
from tests.api.conftest import AMS, iso, local, three_weeks_before_clock_change


@pytest.fixture
def start():
    return local(three_weeks_before_clock_change(), 19)


@pytest.fixture
def feed_content(club, start):
    factories.load(
        activities=[
            factories.activity(
                "vv-ochten",
                slug="taalcafe",
                title={"nl": "Taalcafé", "pl": "Kawiarnia językowa"},
                summary={"nl": "Samen oefenen.", "pl": "Ćwiczymy razem."},
                starts_at=iso(start),
                ends_at=iso(start + timedelta(hours=2)),
                recurrence="FREQ=WEEKLY;BYDAY=" + start.strftime("%a")[:2].upper(),
            ),
            factories.activity(
                "vv-ochten",
                slug="voetbal",
                category="sport",
                starts_at=iso(start + timedelta(days=1)),
                ends_at=None,
            ),
        ]
    )


def calendar(api, **params) -> Calendar:
    response = api.get("activities.ics", **params)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def events(cal: Calendar) -> dict[str, object]:
    return {str(event["URL"]).rsplit("/", 2)[-2]: event for event in cal.walk("VEVENT")}


def test_feed_is_a_valid_calendar_with_one_event_per_activity(api, feed_content):
    cal = calendar(api)
    assert cal["VERSION"] == "2.0" and cal["PRODID"]
    assert sorted(events(cal)) == ["taalcafe", "voetbal"]
    for event in cal.walk("VEVENT"):
        for required in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
            assert required in event
    # Every TZID used is defined in the feed itself.
    assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == ["Europe/Amsterdam"]


def test_recurrence_is_kept_as_an_rrule(api, feed_content, start):
    event = events(calendar(api))["taalcafe"]
    assert event["RRULE"].to_ical().decode().startswith("FREQ=WEEKLY")
    assert "RRULE" not in events(calendar(api))["voetbal"]


def test_rule_expands_at_the_same_local_hour_across_the_clock_change(api, feed_content, start):
    event = events(calendar(api))["taalcafe"]
    dtstart = event.decoded("DTSTART")
    assert dtstart.tzinfo.key == "Europe/Amsterdam"
    rule = rrulestr(event["RRULE"].to_ical().decode(), dtstart=dtstart)
    dates = [rule[n] for n in range(6)]
    assert [moment.astimezone(AMS).hour for moment in dates] == [19] * 6
    assert {moment.utcoffset() for moment in dates} == {timedelta(hours=1), timedelta(hours=2)}


def test_uids_are_stable_across_requests_and_edits(api, feed_content, start):
    before = {slug: str(event["UID"]) for slug, event in events(calendar(api)).items()}
    factories.load(
        activities=[
            factories.activity(
                "vv-ochten",
                slug="taalcafe",
                title={"nl": "Taalcafé (nieuw)"},
                starts_at=iso(start),
                ends_at=iso(start + timedelta(hours=2)),
            )
        ]
    )
    after = {slug: str(event["UID"]) for slug, event in events(calendar(api)).items()}
    assert after == before
    assert len(set(before.values())) == 2


def test_texts_are_in_the_requested_language(api, feed_content):
    event = events(calendar(api, lang="pl"))["taalcafe"]
    assert str(event["SUMMARY"]) == "Kawiarnia językowa"
    assert event["SUMMARY"].params["LANGUAGE"] == "pl"
    assert str(event["DESCRIPTION"]).startswith("Ćwiczymy razem.")
    assert str(event["URL"]).endswith("/pl/activiteiten/taalcafe/")


def test_fallback_language_is_marked_on_the_text(api, feed_content):
    event = events(calendar(api, lang="ro"))["taalcafe"]
    assert str(event["SUMMARY"]) == "Taalcafé"
    assert event["SUMMARY"].params["LANGUAGE"] == "nl"


def test_same_filters_as_the_list(api, feed_content):
    assert sorted(events(calendar(api, category="sport"))) == ["voetbal"]
    assert sorted(events(calendar(api, mixed_team="true"))) == []


def test_calendar_apps_asking_for_text_calendar_get_it(api, feed_content):
    response = api.get("activities.ics", {"Accept": "text/calendar"})
    assert response.status_code == 200


def test_bad_filter_is_a_json_error_not_a_calendar(api, feed_content):
    response = api.get("activities.ics", {"Accept": "text/calendar"}, starts_after="gisteren")
    assert response.status_code == 400
    assert response.json()["error"]["field"] == "starts_after"


def test_feed_is_byte_identical_until_something_changes(api, feed_content):
    assert api.get("activities.ics").content == api.get("activities.ics").content
