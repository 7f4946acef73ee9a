"""Bounded parsing of public input: dates, numbers, nesting depth, control characters."""

from datetime import date, datetime

import pytest

from cms.bounded_input import (
    MAX_JSON_DEPTH,
    BoundedInputError,
    bounded_date,
    bounded_moment,
    clean_text,
    json_depth,
    loads,
    within_years,
)


@pytest.mark.parametrize(
    ("text", "depth"),
    [
        ("1", 0),
        ('{"a": [1, {"b": []}]}', 4),
        ('"[[[[" ', 0),
        ('["\\"[[[", []]', 2),
        ("[" * 5000, 5000),
    ],
)
def test_depth_is_counted_without_parsing_and_ignores_brackets_in_strings(text, depth):
    assert json_depth(text) == depth


@pytest.mark.parametrize(
    "text",
    ["[" * 3000, "[" * (MAX_JSON_DEPTH + 1) + "]" * (MAX_JSON_DEPTH + 1), "1e400", "-1e400"]
    + ["NaN", "Infinity", "-Infinity", '{"k": Infinity}', "1" * 5000, '"\\ud800'],
)
def test_hostile_json_is_a_value_error_never_a_crash(text):
    with pytest.raises(ValueError):
        loads(text)


def test_ordinary_json_loads_as_usual():
    assert loads('{"k": "2027-01-05T19:00:00+01:00", "i": 12, "b": false, "x": 1.5}') == {
        "k": "2027-01-05T19:00:00+01:00",
        "i": 12,
        "b": False,
        "x": 1.5,
    }
    deepest = "[" * MAX_JSON_DEPTH + "]" * MAX_JSON_DEPTH
    assert json_depth(deepest) == MAX_JSON_DEPTH
    assert isinstance(loads(deepest), list)


@pytest.mark.parametrize("day", [date(1, 1, 1), date(1899, 12, 31), date(2201, 1, 1), date.max])
def test_dates_outside_the_years_wegwijs_knows_are_refused(day):
    assert not within_years(day)
    with pytest.raises(BoundedInputError):
        bounded_date(day)


def test_dates_of_our_time_pass():
    assert bounded_date(date(2027, 1, 5)) == date(2027, 1, 5)
    assert bounded_moment(datetime(2200, 12, 31, 23, 59)) == datetime(2200, 12, 31, 23, 59)


@pytest.mark.parametrize("text", ["a\x00b", "a\x07b", "a\x1bb", "a\x7fb", "a\x85b"])
def test_control_characters_are_refused(text):
    with pytest.raises(BoundedInputError):
        clean_text(text)


def test_bidi_controls_are_removed_and_ordinary_text_kept():
    assert clean_text("abc\u202edef\u2066g\u2069\u202c") == "abcdefg"
    kept = "Regel één\r\n\tdwa\u200f كلمة"
    assert clean_text(kept) == kept
