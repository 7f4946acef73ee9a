"""Dates as each of the 13 languages writes them (cms.dates, CLDR through Babel)."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from cms import dates

TUESDAY = date(2027, 1, 5)
EVENING_UTC = datetime(2027, 1, 5, 18, 30, tzinfo=ZoneInfo("UTC"))  # 19:30 in Ochten

# What a native reader expects: the month in the form the sentence needs
# (Polish genitive "stycznia", Czech "ledna"), lower-case months and weekdays
# where the language writes them so, the year first in Hungarian and Lithuanian;
# CLDR keeps "г." and "р." with their year by a narrow no-break space (U+202F).
WEEKDAY_DAY = {
    "nl": "dinsdag 5 januari 2027",
    "en": "Tuesday, January 5, 2027",
    "pl": "wtorek, 5 stycznia 2027",
    "ro": "marți, 5 ianuarie 2027",
    "bg": "вторник, 5 януари 2027\u202fг.",
    "hu": "2027. január 5., kedd",
    "lt": "2027 m. sausio 5 d., antradienis",
    "lv": "otrdiena, 2027. gada 5. janvāris",
    "sk": "utorok 5. januára 2027",
    "cs": "úterý 5. ledna 2027",
    "pt": "terça-feira, 5 de janeiro de 2027",
    "es": "martes, 5 de enero de 2027",
    "uk": "вівторок, 5 січня 2027\u202fр.",
}
WITHOUT_YEAR = {
    "nl": "dinsdag 5 januari",
    "en": "Tuesday, January 5",
    "pl": "wtorek, 5 stycznia",
    "ro": "marți, 5 ianuarie",
    "bg": "вторник, 5 януари",
    "hu": "január 5., kedd",
    "lt": "sausio 5 d., antradienis",
    "lv": "otrdiena, 5. janvāris",
    "sk": "utorok 5. januára",
    "cs": "úterý 5. ledna",
    "pt": "terça-feira, 5 de janeiro",
    "es": "martes, 5 de enero",
    "uk": "вівторок, 5 січня",
}


@pytest.mark.parametrize("language", sorted(WEEKDAY_DAY))
def test_a_date_with_its_weekday(language):
    assert dates.weekday_day(TUESDAY, language) == WEEKDAY_DAY[language]
    assert dates.weekday_day(TUESDAY, language, with_year=False) == WITHOUT_YEAR[language]


@pytest.mark.parametrize(
    ("language", "written"),
    [
        ("pl", "3 marca 2027"),
        ("bg", "3 март 2027\u202fг."),
        ("hu", "2027. március 3."),
        ("uk", "3 березня 2027\u202fр."),
        ("cs", "3. března 2027"),
        ("nl", "3 maart 2027"),
    ],
)
def test_a_date_in_a_sentence(language, written):
    assert dates.day(date(2027, 3, 3), language) == written


def test_times_are_shown_in_the_municipality_s_time_zone(settings):
    settings.TIME_ZONE = "Europe/Amsterdam"
    assert dates.clock(EVENING_UTC, "pl") == "19:30"
    assert dates.weekday_day(EVENING_UTC.replace(hour=23, minute=30), "nl") == (
        "woensdag 6 januari 2027"  # 00:30 the next day in Ochten
    )


def test_the_same_moment_in_another_time_zone_is_that_zones_day_and_time():
    """Formatted dates are remembered by local day and clock time (cms/dates.py): a moment
    already formatted in one zone is formatted afresh in another."""
    from django.utils import timezone

    late = EVENING_UTC.replace(hour=23, minute=30)
    with timezone.override("Europe/Amsterdam"):
        assert (dates.weekday_day(late, "nl"), dates.clock(late, "nl")) == (
            "woensdag 6 januari 2027",
            "00:30",
        )
    with timezone.override("America/New_York"):
        assert (dates.weekday_day(late, "nl"), dates.clock(late, "nl")) == (
            "dinsdag 5 januari 2027",
            "18:30",
        )
    with timezone.override("Europe/Amsterdam"):
        assert dates.day(late, "pl") == "6 stycznia 2027"
