"""The sign-up e-mail writes its date as the person's language does (#20, point 5).

Django's ``"l j F Y"`` gave "Wtorek 5 Styczeń 2027", "вторник 5 Януари 2027" and
"kedd 5 január 2027"; a Pole reads "wtorek, 5 stycznia 2027", a Bulgarian
"вторник, 5 януари 2027 г.", a Hungarian "2027. január 5., kedd". The expected
text is built here from each language's own words, not from the code under test.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.core.cache import cache

from tests import factories
from tests.api.conftest import days_ahead, iso, local
from tests.signup_helpers import body, post_signup, signup_activity

WEEKDAYS = {
    "pl": ["poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela"],
    "bg": ["понеделник", "вторник", "сряда", "четвъртък", "петък", "събота", "неделя"],
    "hu": ["hétfő", "kedd", "szerda", "csütörtök", "péntek", "szombat", "vasárnap"],
}
MONTHS = {
    # Polish: the genitive a date needs ("5 stycznia"), not the nominative "Styczeń".
    "pl": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października "
    "listopada grudnia",
    # Bulgarian: months in lower case.
    "bg": "януари февруари март април май юни юли август септември октомври ноември декември",
    "hu": "január február március április május június július augusztus szeptember október "
    "november december",
}


def written(day: date, language: str) -> str:
    weekday, month = WEEKDAYS[language][day.weekday()], MONTHS[language].split()[day.month - 1]
    return {
        "pl": f"{weekday}, {day.day} {month} {day.year}",
        "bg": f"{weekday}, {day.day} {month} {day.year}\u202fг.",
        "hu": f"{day.year}. {month} {day.day}., {weekday}",
    }[language]


@pytest.fixture(autouse=True)
def fresh_rate_limits(db):
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def weekly(club):
    factories.load(
        activities=[
            signup_activity(
                "vv-ochten",
                slug="wekelijks",
                starts_at=iso(local(days_ahead(-6), 19)),
                ends_at=iso(local(days_ahead(-6), 21)),
                recurrence="FREQ=WEEKLY;COUNT=10",
            )
        ]
    )
    return "wekelijks"


@pytest.mark.parametrize("language", ["pl", "bg", "hu"])
def test_the_confirmation_writes_the_date_in_the_person_s_language(
    client, weekly, mailoutbox, language
):
    day = days_ahead(1)
    response = post_signup(client, weekly, body(language=language, occurrence=day.isoformat()))
    assert response.status_code == 201, response.content
    (confirmation,) = [mail for mail in mailoutbox if mail.to == ["ania@example.org"]]
    assert written(day, language) in confirmation.body, confirmation.body
