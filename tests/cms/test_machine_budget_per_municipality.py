"""Each municipality's own machine budget and its own choice of languages published unreviewed.

Through the real ``deepl`` client against the local DeepL-compatible server
(tests/cms/deepl_server.py); no call reaches DeepL itself.
"""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from cms.models import GuidePage, Municipality
from cms.municipalities import lookup
from cms.translation.machine.budget import budget_state
from cms.translation.machine.drafts import draft_missing, draft_object
from cms.translation.machine.provider import BudgetSpent
from cms.translation.municipal import MunicipalTranslationSettings
from tests import factories
from tests.cms.deepl_server import AUTH_KEY, LocalDeepL
from tests.region_factories import region


@pytest.fixture
def deepl(settings):
    with LocalDeepL() as server:
        settings.DEEPL_AUTH_KEY = AUTH_KEY
        settings.DEEPL_SERVER_URL = server.url
        settings.DEEPL_NETWORK_RETRIES = 0
        settings.MACHINE_TRANSLATION_MONTHLY_CHARACTERS = 10_000
        settings.MACHINE_DRAFTS_PUBLISHED_LANGUAGES = []
        yield server


def guide(partner: str, slug: str, where: list[str]) -> dict:
    return factories.guide(
        partner,
        slug=slug,
        title={"nl": f"Gids {slug}"},
        summary={"nl": "Zo werkt het."},
        body={"nl": "Bel eerst."},
        municipalities=where,
    )


@pytest.fixture
def two_municipalities(db):
    region(
        guides=[
            guide("ggd", "huisarts", ["neder-betuwe", "tiel"]),
            guide("club-tiel", "tiel-gids", ["tiel"]),
            guide("club-ochten", "ochten-gids", ["neder-betuwe"]),
        ]
    )
    return lookup.by_slug("neder-betuwe"), lookup.by_slug("tiel")


def choose(slug: str, **values) -> MunicipalTranslationSettings:
    row, _ = MunicipalTranslationSettings.objects.update_or_create(
        municipality=Municipality.objects.get(slug=slug), defaults=values
    )
    return row


def live(slug: str) -> GuidePage:
    return GuidePage.objects.get(slug=slug)


def test_each_municipality_pays_from_its_own_budget(deepl, two_municipalities):
    neder_betuwe, tiel = two_municipalities
    choose("tiel", machine_characters_per_month=500)
    report = draft_object("guide", "tiel-gids", "pl", municipality=tiel)
    assert report.characters > 0
    assert (budget_state(tiel).used, budget_state(tiel).limit) == (report.characters, 500)
    assert (budget_state(neder_betuwe).used, budget_state(neder_betuwe).limit) == (0, 10_000)


def test_a_spent_budget_refuses_by_name_asks_nothing_and_writes_nothing(deepl, two_municipalities):
    neder_betuwe, tiel = two_municipalities
    choose("tiel", machine_characters_per_month=5)
    with translation.override("en"), pytest.raises(BudgetSpent, match="budget of Tiel is spent"):
        draft_object("guide", "huisarts", "ro", municipality=tiel)
    assert deepl.state.requests == []
    assert budget_state(tiel).used == 0
    assert not live("huisarts").get_latest_revision_as_object().title_ro
    # Neder-Betuwe's own budget is untouched by Tiel's: the same guide can be drafted.
    draft_object("guide", "huisarts", "ro", municipality=neder_betuwe)
    assert live("huisarts").get_latest_revision_as_object().title_ro == "[RO] Gids huisarts"


def test_unreviewed_drafts_go_live_only_where_every_municipality_chose_the_language(
    deepl, two_municipalities
):
    _neder_betuwe, tiel = two_municipalities
    choose("tiel", publish_machine_drafts_in=["pl"])
    draft_object("guide", "tiel-gids", "pl", municipality=tiel)
    assert live("tiel-gids").title_pl == "[PL] Gids tiel-gids"  # Tiel only: live, labelled
    draft_object("guide", "huisarts", "pl", municipality=tiel)
    shared = live("huisarts")
    # Also shown in Neder-Betuwe, which did not choose Polish: it waits in a draft.
    assert shared.title_pl in ("", None)
    assert shared.get_latest_revision_as_object().title_pl == "[PL] Gids huisarts"
    choose("neder-betuwe", publish_machine_drafts_in=["bg"])
    choose("tiel", publish_machine_drafts_in=["bg"])
    draft_object("guide", "ochten-gids", "bg", municipality=tiel)
    assert live("ochten-gids").title_bg == "[BG] Gids ochten-gids"


def test_a_municipality_s_queue_drafts_only_what_is_shown_there(deepl, two_municipalities):
    _neder_betuwe, tiel = two_municipalities
    report = draft_missing("uk", municipality=tiel)
    drafted = [name for name in report.objects if name.startswith("guide/")]
    assert sorted(drafted) == ["guide/huisarts", "guide/tiel-gids"]
    assert report.characters == budget_state(tiel).used


def test_the_coordinator_sets_a_budget_in_the_admin_and_sees_each_municipality(
    deepl, two_municipalities, client, django_user_model
):
    client.force_login(django_user_model.objects.create_superuser("coo", "c@example.org", "x" * 16))
    tiel = Municipality.objects.get(slug="tiel")
    form = client.get(reverse("translation_settings:add"))
    assert form.status_code == 200
    refused = client.post(
        reverse("translation_settings:add"),
        {"municipality": tiel.pk, "machine_characters_per_month": "-3"},
    )
    assert list(refused.context["form"].errors) == ["machine_characters_per_month"]
    assert not MunicipalTranslationSettings.objects.exists()
    saved = client.post(
        reverse("translation_settings:add"),
        {
            "municipality": tiel.pk,
            "machine_characters_per_month": "2500",
            "publish_machine_drafts_in": ["pl", "ro"],
        },
    )
    assert saved.status_code == 302
    row = MunicipalTranslationSettings.objects.get()
    assert (row.municipality, row.monthly_characters, row.publish_machine_drafts_in) == (
        tiel,
        2500,
        ["pl", "ro"],
    )
    page = client.get(reverse("cms_machine_drafts")).content.decode()
    assert 'data-machine-budget="tiel"' in page
    assert "Deze maand: 0 van 2500 tekens gebruikt, 2500 over." in page  # Dutch admin
    assert "Deze maand: 0 van 10000 tekens gebruikt, 10000 over." in page  # Neder-Betuwe
    sent = client.post(
        reverse("cms_machine_drafts"),
        {"municipality": tiel.pk, "language": "pl", "segment": "guide/tiel-gids"},
    )
    assert sent.status_code == 302
    assert live("tiel-gids").title_pl == "[PL] Gids tiel-gids"  # Tiel publishes Polish
    assert budget_state(lookup.by_slug("tiel")).used > 0
    assert budget_state(lookup.by_slug("neder-betuwe")).used == 0
