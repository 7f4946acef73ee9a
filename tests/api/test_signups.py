"""POST activities/{slug}/signups: a place or the waiting list, a reference, nothing echoed."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from cms.models import Signup
from cms.taking_part.capacity import cancel
from tests import factories
from tests.api.conftest import days_ahead, iso, local
from tests.signup_helpers import body, post_signup, signup_activity


@pytest.fixture(autouse=True)
def fresh_rate_limits(db):
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def cafe(club):
    factories.load(activities=[signup_activity("vv-ochten", slug="taalcafe-aanmelden")])
    return "taalcafe-aanmelden"


def test_a_sign_up_gets_a_place_a_reference_and_a_cancel_link_and_nothing_echoed(
    client, cafe, mailoutbox
):
    response = post_signup(client, cafe, body())
    assert response.status_code == 201, response.content
    receipt = response.json()
    assert set(receipt) == {"reference", "status", "position", "cancel_url"}
    assert receipt["status"] == "confirmed" and receipt["position"] is None
    assert "/pl/afmelden/" in receipt["cancel_url"]
    assert "Ania" not in response.content.decode() and "ania@" not in response.content.decode()
    signup = Signup.objects.get(reference=receipt["reference"])
    assert (signup.name, signup.contact_value, signup.language) == (
        "Ania",
        "ania@example.org",
        "pl",
    )
    # The link's secret is not stored, only its hash.
    assert receipt["cancel_url"].rstrip("/").rsplit("/", 1)[1] not in signup.cancel_token_hash
    confirmation = [mail for mail in mailoutbox if mail.to == ["ania@example.org"]]
    assert len(confirmation) == 1
    assert receipt["reference"] in confirmation[0].body
    assert receipt["cancel_url"] in confirmation[0].body
    # In the language the person chose, whatever the API's own language.
    assert confirmation[0].subject.startswith("Twoje zgłoszenie na")
    assert "Masz miejsce." in confirmation[0].body


def test_when_full_people_wait_in_order_and_move_up_when_someone_cancels(client, cafe, mailoutbox):
    first = post_signup(client, cafe, body(contact={"method": "phone", "value": "+48600100100"}))
    second = post_signup(client, cafe, body(contact={"method": "email", "value": "b@example.org"}))
    third = post_signup(client, cafe, body(contact={"method": "email", "value": "c@example.org"}))
    fourth = post_signup(client, cafe, body(contact={"method": "email", "value": "d@example.org"}))
    assert [r.status_code for r in (first, second, third, fourth)] == [201] * 4
    assert [(r.json()["status"], r.json()["position"]) for r in (first, second, third, fourth)] == [
        ("confirmed", None),
        ("confirmed", None),
        ("waiting", 1),
        ("waiting", 2),
    ]
    mailoutbox.clear()
    promoted = cancel(Signup.objects.get(reference=first.json()["reference"]))
    assert [s.reference for s in promoted] == [third.json()["reference"]]
    statuses = dict(Signup.objects.values_list("reference", "status"))
    assert statuses[third.json()["reference"]] == "confirmed"
    assert statuses[fourth.json()["reference"]] == "waiting"


def test_places_left_on_the_detail_follow_the_sign_ups(api, client, cafe):
    registration = api.json(f"activities/{cafe}")["registration"]
    assert registration["type"] == "wegwijs" and registration["required"] is True
    assert registration["places_left"] == 2 and registration["dates"] is None
    assert registration["form_token"]
    post_signup(client, cafe, body(people=2))
    assert api.json(f"activities/{cafe}")["registration"]["places_left"] == 0


def test_the_same_contact_twice_for_the_same_date_is_recognised_not_doubled(client, cafe):
    assert post_signup(client, cafe, body()).status_code == 201
    again = post_signup(
        client, cafe, body(name="Anna", contact={"method": "email", "value": "ANIA@example.org"})
    )
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "duplicate_signup"
    assert again.json()["error"]["field"] == "contact"
    assert Signup.objects.count() == 1


def test_an_activity_without_wegwijs_sign_ups_answers_409(client, club):
    factories.load(activities=[factories.activity("vv-ochten", slug="gewoon")])
    response = post_signup(client, "gewoon", body())
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "signups_closed"
    assert not Signup.objects.exists()


def test_a_past_activity_answers_409(client, club):
    past = signup_activity(
        "vv-ochten",
        slug="voorbij",
        starts_at=iso(local(days_ahead(-3), 19)),
        ends_at=iso(local(days_ahead(-3), 21)),
    )
    factories.load(activities=[past])
    response = post_signup(client, "voorbij", body())
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "occurrence_past"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": "x" * 51}, "name"),
        ({"contact": {"method": "email", "value": "not-an-address"}}, "contact.value"),
        ({"contact": {"method": "phone", "value": "12"}}, "contact.value"),
        ({"contact": {"method": "pigeon", "value": "+48600100100"}}, "contact.method"),
        ({"people": 3}, "people"),
        ({"people": 0}, "people"),
        ({"language": "xx"}, "language"),
        ({"website": "http://spam.example"}, "website"),
        ({"form_token": "forged"}, "form_token"),
    ],
)
def test_bad_input_names_the_field_and_stores_nothing(client, cafe, overrides, field):
    response = post_signup(client, cafe, body(**overrides))
    assert response.status_code == 400, response.content
    assert response.json()["error"]["field"] == field
    assert not Signup.objects.exists()


@pytest.fixture
def weekly(club):
    factories.load(
        activities=[
            signup_activity(
                "vv-ochten",
                slug="wekelijks",
                capacity=1,
                starts_at=iso(local(days_ahead(-6), 19)),
                ends_at=iso(local(days_ahead(-6), 21)),
                recurrence="FREQ=WEEKLY;COUNT=10",
            )
        ]
    )
    return "wekelijks"


def test_a_weekly_activity_counts_places_per_date(api, client, weekly):
    next_date, later = days_ahead(1).isoformat(), days_ahead(8).isoformat()
    first = post_signup(client, weekly, body(occurrence=next_date))
    other_date = post_signup(client, weekly, body(occurrence=later))
    assert first.json()["status"] == other_date.json()["status"] == "confirmed"
    registration = api.json(f"activities/{weekly}")["registration"]
    assert registration["dates"][:2] == [
        {"date": next_date, "places_left": 0},
        {"date": later, "places_left": 0},
    ]
    assert registration["dates"][2]["places_left"] == 1
    waiting = post_signup(
        client,
        weekly,
        body(occurrence=next_date, contact={"method": "whatsapp", "value": "+48 600 200 200"}),
    )
    assert (waiting.json()["status"], waiting.json()["position"]) == ("waiting", 1)


@pytest.mark.parametrize(
    ("occurrence", "status", "field"),
    [
        (None, 400, "occurrence"),
        ("2020-01-01", 400, "occurrence"),
        ("tomorrow", 400, "occurrence"),
        ("past", 409, "occurrence"),
        # Dates that overflowed when the form looked for that day's start (issue #21).
        ("9999-12-31", 400, "occurrence"),
        ("0001-01-01", 400, "occurrence"),
    ],
)
def test_a_weekly_activity_needs_one_of_its_dates_to_come(
    client, weekly, occurrence, status, field
):
    named = {"past": days_ahead(-6).isoformat(), "tomorrow": days_ahead(2).isoformat()}
    response = post_signup(client, weekly, body(occurrence=named.get(occurrence, occurrence)))
    assert response.status_code == status, response.content
    assert response.json()["error"]["field"] == field
    assert not Signup.objects.exists()


def test_a_mixed_team_s_open_spots_follow_the_members_who_joined(api, client, club):
    team = signup_activity(
        "vv-ochten",
        slug="gemengd",
        capacity=None,
        recurrence="FREQ=WEEKLY;COUNT=30",
        mixed_team={"sport": "football", "level": "recreational", "open_spots": 3},
    )
    factories.load(activities=[team])
    assert post_signup(client, "gemengd", body(people=2)).json()["status"] == "confirmed"
    assert api.json("activities/gemengd")["mixed_team"]["open_spots"] == 1
    assert api.json("activities/gemengd")["registration"]["places_left"] == 1
    listed = api.json("activities", mixed_team="true")["results"]
    assert [item["mixed_team"]["open_spots"] for item in listed if item["slug"] == "gemengd"] == [1]


def test_places_left_cost_one_query_on_the_detail_and_none_in_lists(api, club):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from cms.municipalities.registry import municipalities

    factories.load(
        activities=[
            factories.activity("vv-ochten", slug="gewoon"),
            signup_activity(
                "vv-ochten",
                slug="per-datum",
                starts_at=iso(local(days_ahead(1), 19)),
                ends_at=iso(local(days_ahead(1), 21)),
                recurrence="FREQ=WEEKLY;COUNT=20",
            ),
        ]
    )

    def queries(path: str, **params) -> int:
        # A server has read the municipalities long before (the import above dropped them).
        municipalities()
        with CaptureQueriesContext(connection) as captured:
            api.json(path, **params)
        return len(captured)

    plain = queries("activities/gewoon")
    assert queries("activities/per-datum") == plain + 1  # every date's places: one query
    listed = queries("activities")
    factories.load(activities=[signup_activity("vv-ochten", slug=f"extra-{n}") for n in range(5)])
    assert queries("activities") == listed


def test_the_organiser_s_editors_are_told_without_the_person_s_data(client, cafe, mailoutbox):
    from tests.cms.conftest import make_member

    make_member("editor", "vv-ochten", email="captain@vvochten.nl")
    mailoutbox.clear()
    receipt = post_signup(client, cafe, body()).json()
    notices = [mail for mail in mailoutbox if "captain@vvochten.nl" in mail.bcc]
    assert len(notices) == 1
    assert receipt["reference"] in notices[0].body
    assert "Ania" not in notices[0].body and "ania@" not in notices[0].body


def test_the_organiser_s_notice_is_in_each_editor_s_admin_language(client, cafe, mailoutbox):
    from wagtail.users.models import UserProfile

    from tests.cms.conftest import make_member

    make_member("editor", "vv-ochten", email="captain@vvochten.nl")
    polish = make_member("editor", "vv-ochten", email="trener@vvochten.nl")
    UserProfile.get_for_user(polish)  # made if the invitation made none
    UserProfile.objects.filter(user=polish).update(preferred_language="pl")
    mailoutbox.clear()
    reference = post_signup(client, cafe, body()).json()["reference"]
    notices = {tuple(mail.bcc): mail for mail in mailoutbox if mail.bcc}
    assert set(notices) == {("captain@vvochten.nl",), ("trener@vvochten.nl",)}
    dutch, polish_notice = notices[("captain@vvochten.nl",)], notices[("trener@vvochten.nl",)]
    # No preferred language: Dutch, the admin's default.
    assert dutch.subject.startswith("Wegwijs: nieuwe aanmelding voor ")
    assert f"Referentie {reference}: nieuwe aanmelding; 1 persoon; nu Bevestigd." in dutch.body
    assert "Wegwijs-beheer" in dutch.body
    assert polish_notice.subject.startswith("Wegwijs: nowe zgłoszenie na ")
    assert f"Numer {reference}: nowe zgłoszenie; 1 osoba; teraz Potwierdzone." in polish_notice.body
    for notice in (dutch, polish_notice):
        assert "Sign-up" not in notice.body and "people" not in notice.body
