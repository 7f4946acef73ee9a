"""RRULE expansion in Amsterdam wall-clock time."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from cms.recurrence import next_occurrences, occurrences, validate_rule

AMS = ZoneInfo("Europe/Amsterdam")


def test_weekly_evening_stays_at_seven_across_the_spring_clock_change():
    start = datetime(2027, 3, 16, 19, 0, tzinfo=AMS)  # winter time, UTC+1
    dates = list(occurrences(start, start.replace(hour=20), "FREQ=WEEKLY;BYDAY=TU;COUNT=3"))
    assert [d.starts_at.hour for d in dates] == [19, 19, 19]
    # 28 March 2027 the clocks go forward: the UTC hour moves, the local one does not.
    assert [d.starts_at.utcoffset().total_seconds() / 3600 for d in dates] == [1, 1, 2]


def test_weekly_evening_stays_at_seven_across_the_autumn_clock_change():
    start = datetime(2026, 10, 20, 19, 0, tzinfo=ZoneInfo("UTC")).astimezone(AMS)
    dates = list(occurrences(start, None, "FREQ=WEEKLY;COUNT=3"))
    assert [d.starts_at.astimezone(AMS).hour for d in dates] == [21, 21, 21]
    assert dates[2].starts_at.utcoffset().total_seconds() / 3600 == 1


def test_next_occurrences_skip_the_past_and_keep_duration():
    start = datetime(2026, 9, 1, 19, 0, tzinfo=AMS)
    now = datetime(2026, 11, 27, 12, 0, tzinfo=AMS)
    dates = next_occurrences(start, start.replace(hour=21), "FREQ=WEEKLY;BYDAY=TU", now, count=2)
    assert [d.starts_at.date().isoformat() for d in dates] == ["2026-12-01", "2026-12-08"]
    assert all((d.ends_at - d.starts_at).seconds == 2 * 3600 for d in dates)


def test_one_off_activity_has_one_occurrence():
    start = datetime(2027, 2, 1, 10, 0, tzinfo=AMS)
    assert len(list(occurrences(start, None, ""))) == 1


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=SOMETIMES",
        "BYDAY=TU",
        "FREQ=WEEKLY;BYDAY=XX",
        "DTSTART:20270101T000000\nRRULE:FREQ=DAILY",
    ],
)
def test_malformed_rules_are_rejected(rule):
    with pytest.raises(ValueError):
        validate_rule(rule, datetime(2027, 1, 1, 10, tzinfo=AMS))


def test_rule_that_ends_before_it_starts_is_rejected():
    with pytest.raises(ValueError, match="no date"):
        validate_rule("FREQ=WEEKLY;UNTIL=20200101T000000Z", datetime(2027, 1, 1, 10, tzinfo=AMS))
