"""import_content: upsert by slug, one transaction, errors that name record and field."""

import json

import pytest
from django.core.management import CommandError, call_command

from cms.importing import ImportFailed
from cms.models import ActivityOccurrence, ActivityPage, GuidePage, Partner, PolicyAction
from tests import factories


def content_counts():
    return (
        Partner.objects.count(),
        ActivityPage.objects.count(),
        GuidePage.objects.count(),
        PolicyAction.objects.count(),
        ActivityOccurrence.objects.count(),
    )


@pytest.fixture
def good_file(tmp_path, db):
    club = factories.partner(slug="vv-ochten", name="VV Ochten", type="sports_club")
    data = {
        "partners": [club],
        "activities": [
            factories.activity(
                "vv-ochten",
                slug="gemengd-voetbal",
                category="sport",
                title={"nl": "Gemengd voetbal", "pl": "Mieszana drużyna piłkarska"},
                recurrence="FREQ=WEEKLY;BYDAY=TU",
                mixed_team={
                    "sport": "football",
                    "level": "recreational",
                    "open_spots": 6,
                    "training_times": {"nl": "dinsdag 19:00", "pl": "wtorek 19:00"},
                },
                cost={"free": False, "amount": "2.50"},
                registration={"required": True, "type": "on_request", "capacity": 20},
            )
        ],
        "guides": [factories.guide("vv-ochten", slug="huisarts")],
        "policy_actions": [factories.policy_action(slug="taalcafes", responsible=["vv-ochten"])],
    }
    path = tmp_path / "content.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path, data


def test_good_file_creates_published_content(good_file):
    path, _ = good_file
    call_command("import_content", str(path))

    team = ActivityPage.objects.get(slug="gemengd-voetbal")
    assert team.live
    assert team.organiser.slug == "vv-ochten"
    assert team.title_pl == "Mieszana drużyna piłkarska"
    assert team.is_mixed_team and team.open_spots == 6
    assert team.training_times_pl == "wtorek 19:00"
    assert str(team.cost_amount) == "2.50" and not team.is_free
    assert team.registration == "on_request" and team.capacity == 20
    assert team.body_nl[0].block_type == "text"
    assert "<li>Gratis</li>" in team.body_nl[0].value.source
    assert team.occurrences.count() > 50  # a weekly rule, materialised for date filters
    action = PolicyAction.objects.get(slug="taalcafes")
    assert [p.slug for p in action.responsible.all()] == ["vv-ochten"]
    assert action.updates.get().text_nl == "Gestart."


def test_reimport_is_idempotent(good_file):
    path, _ = good_file
    call_command("import_content", str(path))
    before = content_counts()
    revisions = ActivityPage.objects.get(slug="gemengd-voetbal").revisions.count()

    call_command("import_content", str(path))

    assert content_counts() == before
    assert ActivityPage.objects.get(slug="gemengd-voetbal").revisions.count() == revisions


def test_reimport_with_a_change_updates_in_place(good_file):
    path, data = good_file
    call_command("import_content", str(path))
    data["activities"][0]["title"]["ro"] = "Fotbal mixt"
    path.write_text(json.dumps(data), encoding="utf-8")

    call_command("import_content", str(path))

    assert ActivityPage.objects.get(slug="gemengd-voetbal").title_ro == "Fotbal mixt"
    assert ActivityPage.objects.count() == 1


@pytest.mark.parametrize(
    ("section", "change", "field"),
    [
        ("activities", {"starts_at": "2027-02-30T19:00:00+01:00"}, "starts_at"),
        ("activities", {"starts_at": "2027-01-05T19:00:00"}, "starts_at"),
        ("activities", {"location": {"lat": 123.0, "lon": 5.5}}, "location.lat"),
        ("activities", {"recurrence": "FREQ=SOMETIMES"}, "recurrence"),
        ("activities", {"partner": "nobody"}, "partner"),
        ("activities", {"category": "cooking"}, "category"),
        ("activities", {"title": {"pl": "Bez niderlandzkiego"}}, "title.nl"),
        ("activities", {"title": {"nl": "Ok", "xx": "?"}}, "title.xx"),
        ("activities", {"languages_offered": ["nl", "klingon"]}, "languages_offered"),
        ("activities", {"cost": {"free": False}}, "cost.amount"),
        ("activities", {"ends_at": "2027-01-05T18:00:00+01:00"}, "ends_at"),
        ("activities", {"audience": "pets"}, "audience"),
        ("partners", {"type": "bank"}, "type"),
        ("partners", {"email": "not-an-email"}, "email"),
        ("guides", {"topic": "cooking"}, "topic"),
        ("policy_actions", {"progress": 140}, "progress"),
        ("policy_actions", {"building_block": "roads"}, "building_block"),
        (
            "policy_actions",
            {"updates": [{"date": "gisteren", "text": {"nl": "x"}}]},
            "updates[0].date",
        ),
    ],
)
def test_bad_record_changes_nothing_and_names_record_and_field(good_file, section, change, field):
    path, data = good_file
    call_command("import_content", str(path))
    before = content_counts()
    titles_before = list(ActivityPage.objects.values_list("title_nl", flat=True))

    data[section][0].update(change)
    data["activities"][0]["title"]["nl"] = data["activities"][0]["title"].get("nl") and "Gewijzigd"
    data["partners"].append(factories.partner(slug="nieuwe-partner"))
    path.write_text(json.dumps(data), encoding="utf-8")

    with pytest.raises(CommandError) as error:
        call_command("import_content", str(path))

    message = str(error.value)
    assert f"'{data[section][0]['slug']}'" in message
    assert f"field '{field}'" in message
    assert content_counts() == before
    assert not Partner.objects.filter(slug="nieuwe-partner").exists()
    assert list(ActivityPage.objects.values_list("title_nl", flat=True)) == titles_before


def test_all_problems_of_a_file_are_reported_at_once(db):
    data = {
        "partners": [factories.partner(slug="p1", type="bank")],
        "activities": [factories.activity("p1", slug="a1", category="cooking")],
    }
    with pytest.raises(ImportFailed) as error:
        factories.load(**data)
    fields = {(p.slug, p.field) for p in error.value.problems}
    assert ("p1", "type") in fields and ("a1", "category") in fields
    assert Partner.objects.count() == 0


def test_invalid_json_and_unknown_sections_are_refused(tmp_path, db):
    broken = tmp_path / "broken.json"
    broken.write_text('{"partners": [', encoding="utf-8")
    with pytest.raises(CommandError, match="not valid JSON"):
        call_command("import_content", str(broken))
    with pytest.raises(ImportFailed, match="unknown section"):
        factories.load(events=[])


def test_duplicate_slug_in_one_file_is_refused(db):
    club = factories.partner(slug="club")
    with pytest.raises(ImportFailed, match="appears twice"):
        factories.load(partners=[club, dict(club)])
