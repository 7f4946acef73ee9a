"""An activity as a partner site gets it: every field it needs, in one object."""

import pytest

from tests import factories
from tests.api.conftest import days_ahead, iso, local


@pytest.fixture
def mixed_team(club, library):
    day = days_ahead(4)
    factories.load(
        activities=[
            factories.activity(
                "vv-ochten",
                slug="gemengd-voetbal",
                category="sport",
                co_organisers=["bibliotheek"],
                title={"nl": "Gemengd voetbal", "pl": "Mieszana drużyna"},
                summary={"nl": "Voetballen met buren.", "pl": "Gramy z sąsiadami."},
                body={"nl": "Neem sportschoenen mee.", "pl": "Weź buty sportowe."},
                starts_at=iso(local(day, 19)),
                ends_at=iso(local(day, 20, 30)),
                recurrence="FREQ=WEEKLY",
                location={"name": "Sportpark", "address": "Veldweg 1", "lat": 51.9, "lon": 5.56},
                languages_offered=["nl", "pl"],
                audience="adults",
                cost={"free": False, "amount": "2.50"},
                registration={
                    "required": True,
                    "type": "link",
                    "url": "https://vvochten.nl/aanmelden",
                    "capacity": 22,
                },
                mixed_team={
                    "sport": "football",
                    "level": "recreational",
                    "open_spots": 6,
                    "training_times": {"nl": "dinsdag 19:00", "pl": "wtorek 19:00"},
                },
            )
        ]
    )


def test_list_item_holds_everything_a_partner_site_shows(api, mixed_team):
    [item] = api.json("activities", lang="pl")["results"]
    day = days_ahead(4)
    # The category is a translated object of its own (see test_languages).
    assert item.pop("category")["slug"] == "sport"
    assert item == {
        "slug": "gemengd-voetbal",
        "url": "/pl/activiteiten/gemengd-voetbal/",
        "title": "Mieszana drużyna",
        "summary": "Gramy z sąsiadami.",
        "organiser": {"slug": "vv-ochten", "name": "VV Ochten"},
        "co_organisers": [{"slug": "bibliotheek", "name": "Bibliotheek Ochten"}],
        "starts_at": iso(local(day, 19)),
        "ends_at": iso(local(day, 20, 30)),
        "recurrence": "FREQ=WEEKLY",
        "next_occurrence": {"starts_at": iso(local(day, 19)), "ends_at": iso(local(day, 20, 30))},
        "location": {"name": "Sportpark", "address": "Veldweg 1", "lat": 51.9, "lon": 5.56},
        "languages_offered": ["nl", "pl"],
        "audience": "adults",
        "cost": {"free": False, "amount": "2.50"},
        "registration": {
            "required": True,
            "type": "link",
            "url": "https://vvochten.nl/aanmelden",
            "capacity": 22,
        },
        "image": None,
        "mixed_team": {
            "sport": "football",
            "level": "recreational",
            "training_times": "wtorek 19:00",
            "open_spots": 6,
        },
        "language": "pl",
        "translated": True,
        "fallback_language": None,
        "machine_translated": False,
    }


def test_a_plain_activity_has_no_mixed_team_and_no_cost(api, club):
    factories.load(activities=[factories.activity("vv-ochten", slug="koffie")])
    activity = api.json("activities/koffie")
    assert activity["mixed_team"] is None
    assert activity["cost"] == {"free": True, "amount": None}
    assert activity["registration"] == {
        "required": False,
        "type": "none",
        "url": None,
        "capacity": None,
        "places_left": None,
        "dates": None,
        "form_token": None,
    }
    assert activity["recurrence"] is None


def test_detail_adds_the_body_as_json_blocks_in_the_requested_language(api, mixed_team):
    activity = api.json("activities/gemengd-voetbal", lang="pl")
    assert activity["body"] == [{"type": "text", "value": "<p>Weź buty sportowe.</p>"}]
    assert "next_occurrence" not in activity


def test_body_falls_back_with_the_other_texts(api, mixed_team):
    activity = api.json("activities/gemengd-voetbal", lang="uk")
    assert activity["body"] == [{"type": "text", "value": "<p>Neem sportschoenen mee.</p>"}]
    assert activity["fallback_language"] == "nl"


def test_body_keeps_every_block_type_as_plain_json(api, club):
    from cms.models import ActivityPage

    factories.load(activities=[factories.activity("vv-ochten", slug="blokken")])
    page = ActivityPage.objects.get(slug="blokken")
    page.body_nl = [
        ("steps", [{"title": "Bel", "text": "Bel de praktijk."}]),
        ("link", {"url": "https://www.thuisarts.nl", "label": "Thuisarts"}),
        ("faq", [{"question": "Kost het geld?", "answer": "Nee."}]),
    ]
    page.save_revision().publish()

    body = api.json("activities/blokken")["body"]
    assert body == [
        {"type": "steps", "value": [{"title": "Bel", "text": "Bel de praktijk."}]},
        {"type": "link", "value": {"url": "https://www.thuisarts.nl", "label": "Thuisarts"}},
        {"type": "faq", "value": [{"question": "Kost het geld?", "answer": "Nee."}]},
    ]


def test_unknown_activity_is_a_json_404(api, db):
    response = api.get("activities/bestaat-niet")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
