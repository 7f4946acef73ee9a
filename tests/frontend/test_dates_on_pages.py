"""The site writes dates as the visitor's language does (#20: "3 marca 2027", not "3 Marzec")."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

pytestmark = pytest.mark.django_db

AMS = ZoneInfo("Europe/Amsterdam")
POLISH_WEEKDAYS = ["poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela"]
POLISH_MONTHS_GENITIVE = [
    "stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca",
    "lipca", "sierpnia", "września", "października", "listopada", "grudnia",
]  # fmt: skip


@pytest.mark.parametrize(
    ("language", "due", "update"),
    [
        ("pl", "30 czerwca 2027", "1 października 2026"),
        ("bg", "30 юни 2027\u202fг.", "1 октомври 2026\u202fг."),
        ("hu", "2027. június 30.", "2026. október 1."),
        ("uk", "30 червня 2027\u202fр.", "1 жовтня 2026\u202fр."),
        ("nl", "30 juni 2027", "1 oktober 2026"),
    ],
)
def test_the_plan_writes_dates_in_the_visitor_s_language(site, content, language, due, update):
    html = site.html(f"/{language}/beleidsplan/")
    assert f'<time datetime="2027-06-30">{due}</time>' in html
    assert f'<time datetime="2026-10-01">{update}</time>' in html


def test_an_activity_s_dates_use_polish_grammar(site, content):
    html = site.html("/pl/activiteiten/gemengd-voetbal/")
    first = datetime.now(AMS).date() + timedelta(days=2)  # the fixture's first training
    written = (
        f"{POLISH_WEEKDAYS[first.weekday()]}, {first.day} "
        f"{POLISH_MONTHS_GENITIVE[first.month - 1]} {first.year}, 19:00"
    )
    assert written in html


def test_the_activity_list_leaves_the_year_out(site, content):
    html = site.html("/pl/activiteiten/")
    first = datetime.now(AMS).date() + timedelta(days=2)
    assert f"{POLISH_WEEKDAYS[first.weekday()]}, {first.day} " in html


POLISH_EVERY = [
    "W każdy poniedziałek", "W każdy wtorek", "W każdą środę", "W każdy czwartek",
    "W każdy piątek", "W każdą sobotę", "W każdą niedzielę",
]  # fmt: skip
HUNGARIAN_EVERY = [
    "Minden hétfőn", "Minden kedden", "Minden szerdán", "Minden csütörtökön",
    "Minden pénteken", "Minden szombaton", "Minden vasárnap",
]  # fmt: skip


def test_a_weekly_activity_is_said_in_a_sentence_in_the_case_it_needs(site, content):
    """Polish "w każdą środę" (accusative: the feminine weekdays change), Hungarian
    "minden kedden" (the weekday takes its ending), with the time, on the weekly
    training (issue #20: "we wtorek")."""
    first = datetime.now(AMS).date() + timedelta(days=2)  # the fixture's weekly training
    polish = site.html("/pl/activiteiten/gemengd-voetbal/")
    hungarian = site.html("/hu/activiteiten/gemengd-voetbal/")
    assert f"<strong>{POLISH_EVERY[first.weekday()]}</strong>, 19:00" in polish
    assert f"<strong>{HUNGARIAN_EVERY[first.weekday()]}</strong>, 19:00" in hungarian


def test_only_the_plain_weekly_shape_gets_a_sentence():
    from django.utils import translation

    from cms.recurrence_sentence import weekly_phrase

    tuesday = datetime(2027, 1, 5, 19, tzinfo=AMS)
    with translation.override("nl"):
        assert weekly_phrase("FREQ=WEEKLY", tuesday) == "elke dinsdag"
        assert weekly_phrase("FREQ=WEEKLY;BYDAY=TU,TH", tuesday) == "elke dinsdag en elke donderdag"
        for rule in ("", "FREQ=WEEKLY;INTERVAL=2", "FREQ=MONTHLY;BYDAY=-1SU", "FREQ=DAILY"):
            assert weekly_phrase(rule, tuesday) == ""
