"""Recurrence in words: the widget's shapes written as RRULEs and read back (#20 point 1)."""

from datetime import date, datetime

import pytest
from django.utils import translation

from cms.recurrence import AMSTERDAM, occurrences, validate_rule
from cms.recurrence_words import LAST, Repetition, from_rule, problems, skipped_starts, to_rule

TUESDAY_EVENING = datetime(2027, 1, 5, 19, 0, tzinfo=AMSTERDAM)


def test_a_weekly_training_on_its_own_weekday():
    weekly = Repetition("weekly", weekdays=(1,))
    assert to_rule(weekly, TUESDAY_EVENING) == "FREQ=WEEKLY;BYDAY=TU"
    assert from_rule("FREQ=WEEKLY;BYDAY=TU", TUESDAY_EVENING) == weekly
    assert from_rule("FREQ=WEEKLY", TUESDAY_EVENING) == weekly  # the start's day is implied


def test_an_end_date_works_with_a_time_zoned_start():
    shape = Repetition("weekly", interval=2, weekdays=(1, 3), until=date(2027, 6, 30))
    rule = to_rule(shape, TUESDAY_EVENING)
    # The end of 30 June in Amsterdam (summer time, UTC+2) is 21:59:59 UTC.
    assert rule == "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;UNTIL=20270630T215959Z"
    validate_rule(rule, TUESDAY_EVENING)  # dateutil accepts it
    dates = [o.starts_at for o in occurrences(TUESDAY_EVENING, None, rule)]
    assert dates[-1].date() <= date(2027, 6, 30) and dates[-1].date() > date(2027, 6, 15)
    assert from_rule(rule, TUESDAY_EVENING) == shape


def test_monthly_on_the_last_sunday_and_on_a_date():
    last_sunday = datetime(2027, 1, 31, 14, 0, tzinfo=AMSTERDAM)
    shape = Repetition("monthly", monthly_by="weekday")
    assert to_rule(shape, last_sunday) == f"FREQ=MONTHLY;BYDAY={LAST}SU"
    assert from_rule("FREQ=MONTHLY;BYDAY=-1SU", last_sunday) == shape
    starts = [o.starts_at.date() for o in occurrences(last_sunday, None, "FREQ=MONTHLY;BYDAY=-1SU")]
    assert starts[:3] == [date(2027, 1, 31), date(2027, 2, 28), date(2027, 3, 28)]
    assert to_rule(Repetition("monthly"), TUESDAY_EVENING) == "FREQ=MONTHLY;BYMONTHDAY=5"


@pytest.mark.parametrize(
    "rule",
    ["wekelijks", "FREQ=MONTHLY;BYSETPOS=-1;BYDAY=SU", "FREQ=WEEKLY;COUNT=10", "FREQ=YEARLY",
     "FREQ=WEEKLY;BYDAY=DI", "FREQ=WEEKLY;INTERVAL=0"],
)  # fmt: skip
def test_a_rule_the_widget_cannot_show_stays_text(rule):
    assert from_rule(rule, TUESDAY_EVENING) is None


def test_a_weekday_that_misses_the_first_date_is_explained_in_the_editor_s_language():
    monday_only = Repetition("weekly", weekdays=(0,))
    with translation.override("en"):
        found = problems(monday_only, TUESDAY_EVENING)
    assert set(found) == {"weekdays"}
    assert "Tuesday, January 5, 2027" in found["weekdays"]
    with translation.override("nl"):
        assert "dinsdag 5 januari 2027" in problems(monday_only, TUESDAY_EVENING)["weekdays"]


def test_an_end_before_the_start_and_a_skipped_day_off_the_rule_are_refused():
    assert set(problems(Repetition("daily", until=date(2027, 1, 1)), TUESDAY_EVENING)) == {"until"}
    off_rule = Repetition("weekly", weekdays=(1,), skipped=(date(2027, 1, 13),))  # a Wednesday
    assert set(problems(off_rule, TUESDAY_EVENING)) == {"skipped"}
    holiday = Repetition("weekly", weekdays=(1,), skipped=(date(2027, 12, 28),))
    assert problems(holiday, TUESDAY_EVENING) == {}
    assert skipped_starts(holiday, TUESDAY_EVENING) == ["2027-12-28T19:00:00+01:00"]
