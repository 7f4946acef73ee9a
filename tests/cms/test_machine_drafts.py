"""Machine drafts through the real ``deepl`` client, against a local DeepL-compatible server.

No test here calls DeepL itself (tests/cms/deepl_server.py implements its
documented /v2/translate and /v2/usage contract on a local port).
"""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from cms.models import GuidePage, PolicyAction
from cms.translation.machine.budget import MachineCharacters, budget_state
from cms.translation.machine.deepl_provider import DeepLTranslator
from cms.translation.machine.drafts import MachineDraftsOff, draft_missing, draft_object
from cms.translation.machine.provider import BudgetSpent, ProviderRefused, ProviderUnavailable
from cms.translation.provenance import Origin
from cms.translation.records import TranslationRecord
from tests import factories
from tests.cms.deepl_server import AUTH_KEY, LocalDeepL


@pytest.fixture
def deepl(settings):
    with LocalDeepL() as server:
        settings.DEEPL_AUTH_KEY = AUTH_KEY
        settings.DEEPL_SERVER_URL = server.url
        settings.DEEPL_NETWORK_RETRIES = 0
        settings.MACHINE_TRANSLATION_MONTHLY_CHARACTERS = 10_000
        yield server


@pytest.fixture
def guide(db) -> GuidePage:
    factories.load(
        partners=[factories.partner(slug="ggd")],
        guides=[
            factories.guide(
                "ggd",
                slug="huisarts",
                title={"nl": "De huisarts"},
                summary={"nl": "Zo werkt de huisarts.", "pl": "Tak działa lekarz."},
                body={"nl": "Bel eerst de praktijk.\n\n- Neem je pas mee\n- Kom op tijd"},
            )
        ],
        policy_actions=[factories.policy_action(slug="taalhuis")],
    )
    return GuidePage.objects.get(slug="huisarts")


def test_a_draft_keeps_the_markup_and_is_stored_as_unreviewed_machine_text(deepl, guide):
    report = draft_object("guide", "huisarts", "pl")
    assert (report.objects, report.segments) == (["guide/huisarts"], 2)  # title and body
    page = GuidePage.objects.get(slug="huisarts").get_latest_revision_as_object()
    assert page.title_pl == "[PL] De huisarts"
    assert page.summary_pl == "Tak działa lekarz."  # a person's text is never replaced
    assert page.body_pl[0].value.source == (
        "<p>[PL] Bel eerst de praktijk.</p><ul><li>[PL] Neem je pas mee</li>"
        "<li>[PL] Kom op tijd</li></ul>"
    )
    rich, plain = sorted(deepl.state.requests, key=lambda body: "tag_handling" not in body)
    assert rich["tag_handling"] == "html" and rich["target_lang"] == "PL"
    assert "tag_handling" not in plain or plain["tag_handling"] is None
    # Not published: the coordinator did not choose to publish Polish machine drafts.
    assert GuidePage.objects.get(slug="huisarts").title_pl in ("", None)


def test_drafts_are_published_where_the_coordinator_chose_so_and_recorded_as_machine(
    deepl, guide, settings
):
    settings.MACHINE_DRAFTS_PUBLISHED_LANGUAGES = ["bg"]
    draft_object("guide", "huisarts", "bg")
    page = GuidePage.objects.get(slug="huisarts")
    assert page.title_bg == "[BG] De huisarts" and not page.has_unpublished_changes
    entry = TranslationRecord.objects.get(object_id=page.pk, field="title", language="bg")
    assert (entry.origin, entry.reviewed) == (Origin.MACHINE, False)


def test_the_budget_is_counted_and_enforced_before_any_call(deepl, guide, settings):
    draft_object("action", "taalhuis", "ro")
    action = PolicyAction.objects.get(slug="taalhuis")
    used = budget_state().used
    assert used == len(action.title_nl) + len(action.description_nl)
    settings.MACHINE_TRANSLATION_MONTHLY_CHARACTERS = used + 5
    calls = len(deepl.state.requests)
    with translation.override("en"), pytest.raises(BudgetSpent, match="budget of .+ is spent"):
        draft_object("guide", "huisarts", "ro")
    assert len(deepl.state.requests) == calls  # DeepL was not asked
    assert budget_state().used == used
    assert not GuidePage.objects.get(slug="huisarts").get_latest_revision_as_object().title_ro


@pytest.mark.parametrize(
    ("status", "failure", "message"),
    [(503, ProviderUnavailable, "Try again later"), (456, BudgetSpent, "quota")],
)
def test_a_failing_provider_writes_nothing_and_costs_nothing(
    deepl, guide, status, failure, message
):
    deepl.state.status = status
    with pytest.raises(failure, match=message):
        draft_object("action", "taalhuis", "lt")
    assert not PolicyAction.objects.get(slug="taalhuis").title_lt
    assert budget_state().used == 0


def test_a_wrong_key_is_named_as_such(deepl, guide, settings):
    settings.DEEPL_AUTH_KEY = "wrong"
    with pytest.raises(ProviderRefused, match="DEEPL_AUTH_KEY"):
        draft_object("action", "taalhuis", "lt")
    assert not PolicyAction.objects.get(slug="taalhuis").title_lt


def test_a_provider_that_cannot_be_reached(guide, settings):
    settings.DEEPL_AUTH_KEY = AUTH_KEY
    settings.DEEPL_NETWORK_RETRIES = 0
    with LocalDeepL() as gone:
        settings.DEEPL_SERVER_URL = gone.url
    with pytest.raises(ProviderUnavailable):
        draft_object("action", "taalhuis", "lt")
    assert MachineCharacters.objects.get().characters == 0


def test_off_without_a_key(guide, settings):
    settings.DEEPL_AUTH_KEY = ""
    with pytest.raises(MachineDraftsOff, match="no DEEPL_AUTH_KEY"):
        draft_object("action", "taalhuis", "pl")


def test_the_whole_queue_stops_cleanly_when_the_budget_runs_out(deepl, guide, settings):
    settings.MACHINE_TRANSLATION_MONTHLY_CHARACTERS = 30
    with translation.override("en"):
        report = draft_missing("uk")
    assert report.stopped.startswith("This month's machine translation budget of ")
    assert report.characters == budget_state().used <= 30


def test_the_usage_comes_from_deepl_s_usage_endpoint(deepl):
    deepl.state.characters = 1234
    usage = DeepLTranslator().usage()
    assert (usage.characters, usage.limit) == (1234, 500_000)


def test_the_coordinator_sees_the_budget_and_asks_for_a_draft(deepl, guide, client, login_as):
    login_as("coordinator")
    address = reverse("cms_machine_drafts")
    page = client.get(address).content.decode()
    assert "Deze maand: 0 van 10000 tekens gebruikt, 10000 over." in page  # Dutch admin
    sent = client.post(address, {"language": "cs", "segment": "action/taalhuis"})
    assert sent.status_code == 302
    assert PolicyAction.objects.get(slug="taalhuis").title_cs.startswith("[CS] ")
    assert f"Deze maand: {budget_state().used} van 10000" in client.get(address).content.decode()


def test_a_failure_in_the_admin_says_so_and_writes_nothing(deepl, guide, client, login_as):
    login_as("coordinator")
    deepl.state.status = 503
    page = client.post(
        reverse("cms_machine_drafts"), {"language": "cs", "segment": "action/taalhuis"}
    )
    assert "Er is niets vertaald: DeepL could not be reached" in page.content.decode()
    assert not PolicyAction.objects.get(slug="taalhuis").title_cs


@pytest.mark.parametrize("role", ["editor_own", "contributor_other"])
def test_only_coordinators_ask_for_drafts(deepl, guide, client, login_as, role):
    login_as(role)
    response = client.post(
        reverse("cms_machine_drafts"), {"language": "cs", "segment": "action/taalhuis"}
    )
    assert response.status_code in (302, 403)
    assert not PolicyAction.objects.get(slug="taalhuis").title_cs
