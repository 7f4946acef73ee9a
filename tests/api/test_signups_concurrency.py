"""No overbooking, ever: concurrent requests against PostgreSQL, each on its own connection.

Twenty people ask for the last place at the same moment (threads released by
one barrier, each sending a real HTTP request to the live server, each served
on its own database connection): one gets it, nineteen wait, and the counts
add up. And a cancellation racing a sign-up for a full list: whichever the
database serialises first, the newcomer ends up with the freed place and the
list holds exactly its capacity.
"""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from cms.models import ActivityPage, Signup
from cms.taking_part.capacity import SignupRequest, cancel, sign_up
from tests import factories
from tests.signup_helpers import body, signup_activity

PEOPLE = 20


@pytest.fixture
def open_doors(settings):
    """No rate limit or minimum fill time: the test is about the lock, not the guard."""
    settings.PUBLIC_POST_RATES = {**settings.PUBLIC_POST_RATES, "signup": "1000/minute"}
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": settings.PUBLIC_POST_RATES,
    }
    settings.FORM_MIN_FILL_SECONDS = 0


def post_json(url: str, data: dict) -> tuple[int, dict]:
    request = urllib.request.Request(
        url,
        data=json.dumps(data).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def all_at_once(calls) -> list:
    """Run the callables in threads, released together by one barrier."""
    barrier = threading.Barrier(len(calls))

    def run(call):
        barrier.wait()
        return call()

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        return list(pool.map(run, calls))


@pytest.fixture
def last_place(transactional_db, django_db_serialized_rollback, open_doors):
    """An activity with 5 places of which 4 are taken."""
    factories.load(
        partners=[factories.partner(slug="vv-ochten", type="sports_club")],
        activities=[signup_activity("vv-ochten", slug="laatste-plek", capacity=5)],
    )
    activity = ActivityPage.objects.get(slug="laatste-plek")
    sign_up(activity, SignupRequest("Team", "phone", "+31600000000", "nl", 4, None))
    return activity


def test_twenty_people_for_the_last_place_one_gets_it_nineteen_wait(live_server, last_place):
    url = f"{live_server.url}/api/v1/activities/laatste-plek/signups"
    calls = [
        (
            lambda n=n: post_json(
                url, body(contact={"method": "email", "value": f"p{n}@example.org"})
            )
        )
        for n in range(PEOPLE)
    ]
    answers = all_at_once(calls)

    assert [code for code, _ in answers] == [201] * PEOPLE, answers
    statuses = sorted(answer["status"] for _, answer in answers)
    assert statuses == ["confirmed"] + ["waiting"] * (PEOPLE - 1)
    assert sorted(answer["position"] for _, answer in answers if answer["position"]) == list(
        range(1, PEOPLE)
    )
    stored = Signup.objects.filter(signup_list__activity=last_place)
    confirmed = sum(s.people for s in stored if s.status == "confirmed")
    assert confirmed == 5
    assert stored.filter(status="waiting").count() == PEOPLE - 1
    assert stored.count() == PEOPLE + 1


def test_a_cancellation_racing_a_sign_up_for_a_full_list(
    live_server, transactional_db, django_db_serialized_rollback, open_doors
):
    factories.load(
        partners=[factories.partner(slug="vv-ochten", type="sports_club")],
        activities=[signup_activity("vv-ochten", slug="vol", capacity=1)],
    )
    url = f"{live_server.url}/api/v1/activities/vol/signups"
    code, first = post_json(url, body(contact={"method": "email", "value": "first@example.org"}))
    assert (code, first["status"]) == (201, "confirmed")
    holder = Signup.objects.get(reference=first["reference"])

    def cancel_on_own_connection():
        try:
            return cancel(holder)
        finally:
            connection.close()

    promoted, (code, newcomer) = all_at_once(
        [
            cancel_on_own_connection,
            lambda: post_json(url, body(contact={"method": "email", "value": "new@example.org"})),
        ]
    )
    assert code == 201
    # Either the place was free already (confirmed at once), or the newcomer waited
    # and the cancellation promoted them: both end in the same state.
    assert newcomer["status"] == "confirmed" or [s.reference for s in promoted] == [
        newcomer["reference"]
    ]
    final = dict(Signup.objects.values_list("reference", "status"))
    assert final == {first["reference"]: "cancelled", newcomer["reference"]: "confirmed"}
