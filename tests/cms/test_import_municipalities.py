"""import_content with regions: the municipalities section, where records are published,
and every key it does not know named with its record."""

import json

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Site

from cms.importing import ImportFailed
from cms.models import (
    ActivityPage,
    GuidePage,
    HomePage,
    Municipality,
    Partner,
    PartnerGroup,
    PolicyAction,
    PolicyPlanPage,
)
from tests import factories
from tests.region_factories import IN_OCHTEN, IN_TIEL, NEDER_BETUWE, TIEL, region, region_sections


def state():
    """Everything an import may change, to show that a refused one changed nothing."""
    return (
        list(Municipality.objects.values_list("slug", "name", "site__hostname", "languages")),
        list(Partner.objects.values_list("slug", "name", "description")),
        sorted(
            Partner.municipalities.through.objects.values_list(
                "partner__slug", "municipality__slug"
            )
        ),
        list(ActivityPage.objects.values_list("slug", "title")),
        list(GuidePage.objects.values_list("slug", "title")),
        list(PolicyAction.objects.values_list("slug", "plan_id")),
        Site.objects.count(),
    )


def problems(excinfo) -> set[tuple[str, str, str]]:
    return {(p.section, p.slug, p.field) for p in excinfo.value.problems}


def test_a_misspelt_key_fails_naming_record_and_key_and_changes_nothing(db, tmp_path):
    factories.load(partners=[factories.partner(slug="bieb")])
    before = state()
    record = factories.partner(slug="bieb", descripton={"nl": "Verkeerd gespeld"})
    del record["description"]
    path = tmp_path / "content.json"
    path.write_text(json.dumps({"partners": [record]}), encoding="utf-8")
    with pytest.raises(CommandError) as excinfo:
        call_command("import_content", str(path))
    assert "partners 'bieb', field 'descripton': unknown key" in str(excinfo.value)
    assert state() == before


@pytest.mark.parametrize(
    ("section", "record", "field"),
    [
        ("partners", {"location": {"adress": "x", "lat": 51.9, "lon": 5.5}}, "location.adress"),
        ("activities", {"cost": {"free": True, "price": 3}}, "cost.price"),
        ("activities", {"registration": {"required": False, "link": "x"}}, "registration.link"),
        ("guides", {"auteur": "x"}, "auteur"),
        ("policy_actions", {"updates": [{"date": "2026-01-01", "txt": {}}]}, "updates[0].txt"),
        ("municipalities", {"host": "x"}, "host"),
        (
            "municipalities",
            {"villages": [{"name": "A", "lat": 1, "lon": 2, "r": 1}]},
            "villages[0].r",
        ),
    ],
)
def test_unknown_keys_in_nested_objects_are_named(db, section, record, field):
    base = {
        "partners": factories.partner(slug="p"),
        "activities": factories.activity("p", slug="a"),
        "guides": factories.guide("p", slug="g"),
        "policy_actions": factories.policy_action(slug="act"),
        "municipalities": {**NEDER_BETUWE},
    }
    data = {"partners": [factories.partner(slug="p")]}
    data[section] = [{**base[section], **record}]
    if section == "partners":
        data["partners"] = data[section]
    with pytest.raises(ImportFailed) as excinfo:
        factories.load(**data)
    slug = data[section][0]["slug"]
    assert (section, slug, field) in problems(excinfo)


def test_municipalities_get_their_own_site_home_sections_and_villages(db):
    region()
    tiel = Municipality.objects.get(slug="tiel")
    assert (tiel.site.hostname, tiel.site.port) == ("tiel.localhost", 80)
    home = tiel.site.root_page.specific
    assert isinstance(home, HomePage)
    assert [p.slug for p in home.get_children()] == ["activiteiten", "wegwijzers", "beleidsplan"]
    assert [(v.slug, v.radius_km) for v in tiel.villages.all()] == [("tiel", 3)]
    assert tiel.languages == ["pl", "nl", "ro"] and tiel.colour == "#a01c2c"
    # The first municipality is the one the database already had: same site, same home.
    first = Municipality.objects.get(slug="neder-betuwe")
    assert first.site.is_default_site and first.site.hostname == "neder-betuwe.localhost"
    assert PolicyPlanPage.objects.count() == 2


def test_reimporting_the_region_changes_nothing(db):
    sections = region_sections(
        activities=[factories.activity("ggd", slug="a", municipalities=["tiel"])]
    )
    factories.load(**sections)
    before = state()
    report = factories.load(**sections)
    assert report.unchanged["activities"] == 1
    assert report.unchanged["municipalities"] == 2 and report.created["municipalities"] == 0
    assert report.unchanged["partners"] == 3
    assert state() == before


def test_content_is_published_where_it_says_or_where_it_lies(db):
    region(
        activities=[
            factories.activity("club-tiel", slug="in-tiel", location=IN_TIEL),
            factories.activity("ggd", slug="ggd-ochten", location=IN_OCHTEN),
            factories.activity("ggd", slug="ggd-both", municipalities=["neder-betuwe", "tiel"]),
        ],
        guides=[factories.guide("ggd", slug="huisarts", municipalities=["neder-betuwe", "tiel"])],
        policy_actions=[factories.policy_action(slug="tiel-taal", municipality="tiel")],
    )

    def places(model, slug):
        return sorted(m.slug for m in model.objects.get(slug=slug).municipalities.all())

    assert places(ActivityPage, "in-tiel") == ["tiel"]
    assert places(ActivityPage, "ggd-ochten") == ["neder-betuwe"]  # its location
    assert places(ActivityPage, "ggd-both") == ["neder-betuwe", "tiel"]
    assert places(GuidePage, "huisarts") == ["neder-betuwe", "tiel"]
    tiel_home = Municipality.objects.get(slug="tiel").site.root_page
    assert ActivityPage.objects.get(slug="in-tiel").get_parent().get_parent().pk == tiel_home.pk
    plan = PolicyAction.objects.get(slug="tiel-taal").plan
    assert plan.get_parent().pk == tiel_home.pk


@pytest.mark.parametrize(
    ("section", "record", "field", "message"),
    [
        (
            "guides",
            lambda: factories.guide("ggd", slug="x"),
            "municipalities",
            "is required when there is more than one municipality",
        ),
        (
            "partners",
            lambda: factories.partner(slug="x"),
            "municipalities",
            "is required when there is more than one municipality",
        ),
        (
            "activities",
            lambda: factories.activity("club-tiel", slug="x", municipalities=["buren"]),
            "municipalities[0]",
            "unknown municipality 'buren'",
        ),
        (
            "activities",
            lambda: factories.activity("club-tiel", slug="x", municipalities=["neder-betuwe"]),
            "municipalities[0]",
            "partner 'club-tiel' does not belong to municipality 'neder-betuwe'",
        ),
        (
            "policy_actions",
            lambda: factories.policy_action(slug="x"),
            "municipality",
            "is required when there is more than one municipality",
        ),
        (
            "policy_actions",
            lambda: factories.policy_action(slug="x", municipality="buren"),
            "municipality",
            "unknown municipality 'buren'",
        ),
    ],
)
def test_where_a_record_goes_must_be_clear(db, section, record, field, message):
    region()
    before = state()
    with pytest.raises(ImportFailed) as excinfo:
        region(**{section: [record()]})
    [problem] = [p for p in excinfo.value.problems if p.slug == "x"]
    assert (problem.section, problem.field) == (section, field)
    assert message in problem.message
    assert state() == before


def test_a_hostname_taken_by_another_municipality_is_refused(db):
    region()
    before = state()
    with pytest.raises(ImportFailed) as excinfo:
        factories.load(municipalities=[{**TIEL, "hostname": "neder-betuwe.localhost"}])
    assert problems(excinfo) == {("municipalities", "tiel", "hostname")}
    assert state() == before


def test_one_municipality_needs_no_municipalities_key(db):
    factories.load(
        partners=[factories.partner(slug="club")],
        activities=[factories.activity("club", slug="a")],
        policy_actions=[factories.policy_action(slug="act")],
    )
    [only] = Municipality.objects.all()
    assert list(ActivityPage.objects.get(slug="a").municipalities.all()) == [only]
    assert list(Partner.objects.get(slug="club").municipalities.all()) == [only]


def _grants(partner: Partner) -> dict[str, set]:
    """What each of the partner's groups may do: model rights, pages, media."""
    return {
        link.role: {
            *(
                f"model {p.content_type.app_label}.{p.codename}"
                for p in link.group.permissions.all()
            ),
            *(
                f"page {g.page.url_path} {g.permission.codename}"
                for g in GroupPagePermission.objects.filter(group=link.group)
            ),
            *(
                f"media {g.collection_id} {g.permission.codename}"
                for g in GroupCollectionPermission.objects.filter(group=link.group)
            ),
        }
        for link in PartnerGroup.objects.filter(partner=partner).select_related("group")
    }


def test_partners_imported_together_get_the_rights_of_one_created_alone(db):
    """The import looks the grants up once for all its partners (cms.permissions.setup);
    each partner's editors and contributors still get every section of every municipality."""
    region(
        partners=[
            factories.partner(slug=f"club-{n}", municipalities=["neder-betuwe", "tiel"])
            for n in range(3)
        ]
    )
    alone = Partner.objects.create(slug="alone", name="Alone", type="association")

    expected = _grants(alone)
    assert set(expected) == {"editor", "contributor"}
    # Tiel's sections are among them, not only the first municipality's.
    assert any("page /tiel/activiteiten/ add" in grant for grant in expected["editor"])
    for n in range(3):
        assert _grants(Partner.objects.get(slug=f"club-{n}")) == expected
