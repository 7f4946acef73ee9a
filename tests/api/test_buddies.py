"""Language buddies: counts per village in GET buddies, offers and requests behind the guard."""

from __future__ import annotations

import time

import pytest
from django.core.cache import cache
from django.utils import translation

from cms.models import BuddyOffer, BuddyProject, BuddyRequest, Partner
from cms.taking_part.buddies import end_match, make_match, suggested_pairs
from public.guard import issue_form_token
from tests import factories


@pytest.fixture(autouse=True)
def fresh_rate_limits(db):
    cache.clear()
    yield
    cache.clear()


def body(form: str, **overrides) -> dict:
    data = {
        "name": "Oleh",
        "contact": {"method": "email", "value": "oleh@example.org"},
        "language": "uk",
        "languages": ["uk", "en"],
        "village": "ochten",
        "times": ["evenings"],
        "help": ["conversation", "paperwork"],
        "form_token": issue_form_token(form, now=time.time() - 10),
        "website": "",
    }
    data.update(overrides)
    return data


def post(client, path: str, data: dict):
    return client.post(f"/api/v1/{path}", data, content_type="application/json")


@pytest.fixture
def project(db):
    factories.load(partners=[factories.partner(slug="taalhuis", name="Taalhuis Neder-Betuwe")])
    return BuddyProject.objects.create(partner=Partner.objects.get(slug="taalhuis"))


def test_requests_and_offers_are_counted_per_village_and_never_shown(api, client, project):
    asked = post(client, "buddies/requests", body("buddy_request"))
    assert asked.status_code == 201, asked.content
    assert asked.json()["handled_by"] == "Taalhuis Neder-Betuwe"
    offered = post(
        client,
        "buddies/offers",
        body(
            "buddy_offer",
            name="Henk",
            contact={"method": "whatsapp", "value": "+31 6 12345678"},
            language="nl",
            languages=["nl", "en"],
            village="kesteren",
        ),
    )
    assert offered.status_code == 201, offered.content
    overview = api.json("buddies", lang="uk")
    counts = {
        v["village"]: (v["migrants_waiting"], v["buddies_available"]) for v in overview["villages"]
    }
    assert counts["ochten"] == (1, 0) and counts["kesteren"] == (0, 1)
    assert set(overview["form_tokens"]) == {"offers", "requests"}
    text = str(overview)
    assert "Oleh" not in text and "Henk" not in text and "oleh@" not in text
    request = BuddyRequest.objects.get()
    assert (request.project, request.languages, request.help) == (
        project,
        ["uk", "en"],
        ["conversation", "paperwork"],
    )


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"village": "amsterdam"}, "village"),
        ({"languages": []}, "languages"),
        ({"help": ["cooking"]}, "help.0"),
        ({"contact": {"method": "email", "value": "nope"}}, "contact.value"),
        ({"name": ""}, "name"),
        ({"website": "x"}, "website"),
    ],
)
def test_bad_input_names_the_field_and_stores_nothing(client, project, overrides, field):
    response = post(client, "buddies/requests", body("buddy_request", **overrides))
    assert response.status_code == 400, response.content
    assert response.json()["error"]["field"] == field
    assert not BuddyRequest.objects.exists()


def test_a_token_of_the_other_form_is_refused(client, project):
    response = post(client, "buddies/offers", body("buddy_request"))
    assert response.status_code == 400
    assert response.json()["error"]["field"] == "form_token"
    assert not BuddyOffer.objects.exists()


def test_suggested_pairs_prefer_the_same_village_and_a_shared_language(client, project):
    post(client, "buddies/requests", body("buddy_request"))
    for name, village, languages in (
        ("Far", "dodewaard", ["nl"]),
        ("Near", "ochten", ["nl", "uk"]),
    ):
        post(
            client,
            "buddies/offers",
            body(
                "buddy_offer",
                name=name,
                village=village,
                languages=languages,
                contact={"method": "email", "value": f"{name}@example.org"},
            ),
        )
    # The coordinator's admin is in Dutch: the reasons are worded in it.
    with translation.override("nl"):
        best = suggested_pairs(BuddyRequest.objects.all(), BuddyOffer.objects.all())
    assert [s.offer.name for s in best] == ["Near"]
    assert "hetzelfde dorp" in best[0].reasons and "beiden spreken uk" in best[0].reasons
    assert not any("same village" in reason for reason in best[0].reasons)

    match = make_match(best[0].request, best[0].offer)
    assert BuddyRequest.objects.get().status == "matched"
    end_match(match, "completed")
    assert BuddyOffer.objects.get(name="Near").status == "available"
