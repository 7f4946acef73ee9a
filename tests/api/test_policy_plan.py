"""The policy plan: building blocks → actions with status, progress, partners and updates."""

import pytest

from cms.models import PolicyPlanPage
from tests import factories


@pytest.fixture
def plan(club, library):
    factories.load(
        policy_actions=[
            factories.policy_action(
                slug="taallessen",
                building_block="support",
                title={"nl": "Taallessen", "pl": "Lekcje języka"},
                description={"nl": "Meer lesplekken."},
                status="in_progress",
                progress=40,
                responsible=["vv-ochten", "bibliotheek"],
                updates=[
                    {"date": "2026-10-01", "text": {"nl": "Gestart.", "pl": "Rozpoczęto."}},
                    {"date": "2026-11-01", "text": {"nl": "Twee groepen erbij."}},
                ],
            ),
            factories.policy_action(
                slug="buddies", building_block="support", status="done", progress=100
            ),
            factories.policy_action(
                slug="registratie",
                building_block="inventory",
                status="on_hold",
                progress=15,
                updates=[],
            ),
        ]
    )


def block(plan_json: dict, slug: str) -> dict:
    return next(item for item in plan_json["building_blocks"] if item["slug"] == slug)


def test_plan_lists_the_five_building_blocks_in_order(api, plan):
    plan_json = api.json("policy-plan")
    assert [item["slug"] for item in plan_json["building_blocks"]] == [
        "inventory",
        "housing",
        "support",
        "communication",
        "enforcement",
    ]


def test_block_progress_is_the_mean_of_its_actions(api, plan):
    plan_json = api.json("policy-plan")
    assert block(plan_json, "support")["progress"] == 70  # (40 + 100) / 2
    assert block(plan_json, "inventory")["progress"] == 15  # on hold keeps its progress
    assert block(plan_json, "housing")["progress"] is None  # nothing planned yet
    assert plan_json["progress"] == 52  # (40 + 100 + 15) / 3, rounded


def test_actions_carry_status_progress_responsible_and_updates(api, plan):
    action = block(api.json("policy-plan", lang="pl"), "support")["actions"][1]
    assert action["slug"] == "taallessen"
    assert action["title"] == "Lekcje języka"
    assert (action["status"], action["progress"]) == ("in_progress", 40)
    assert (action["starts_on"], action["due_on"]) == ("2026-09-01", "2027-06-30")
    assert action["url"] == "/pl/beleidsplan/#taallessen"
    assert action["responsible"] == [
        {"slug": "bibliotheek", "name": "Bibliotheek Ochten"},
        {"slug": "vv-ochten", "name": "VV Ochten"},
    ]
    # Newest update first, each in its own language.
    assert [(u["date"], u["text"], u["language"]) for u in action["updates"]] == [
        ("2026-11-01", "Twee groepen erbij.", "nl"),
        ("2026-10-01", "Rozpoczęto.", "pl"),
    ]
    assert action["updates"][0]["fallback_language"] == "nl"


def test_building_blocks_endpoint_gives_the_same_progress(api, plan):
    blocks = {item["slug"]: item for item in api.json("building-blocks", lang="en")}
    assert blocks["support"]["progress"] == 70
    assert blocks["housing"]["progress"] is None
    assert blocks["support"]["name"] == "Social support"
    assert blocks["support"]["language"] == "en"


def test_an_unpublished_plan_counts_for_nothing(api, plan):
    PolicyPlanPage.objects.get().unpublish()
    assert api.get("policy-plan").status_code == 404
    assert {item["progress"] for item in api.json("building-blocks")} == {None}
