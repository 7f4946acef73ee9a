"""A translator reaches their tools: their queue as XLIFF and back, machine drafts of an item or
of their whole queue (in the background, its state shown), in their own language only."""

from __future__ import annotations

from dataclasses import replace
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils.html import escape
from translate.storage import xliff as xliff1

from cms.models import GuidePage, Municipality, Partner, PolicyAction
from cms.translation.exchange.segments import segments_of
from cms.translation.exchange.xliff import unit_id, write
from cms.translation.records import Origin, TranslationRecord
from cms.translation.translators import TranslatorAssignment, assign_translator
from tests import factories
from tests.cms.deepl_server import AUTH_KEY, LocalDeepL
from tests.region_factories import region


@pytest.fixture
def content(db):
    factories.load(
        partners=[factories.partner(slug="ggd", description={"nl": "De GGD.", "pl": "GGD."})],
        guides=[factories.guide("ggd", slug="huisarts")],
        policy_actions=[factories.policy_action(slug="taalhuis", responsible=["ggd"])],
    )


@pytest.fixture
def translator(content, django_user_model, client):
    user = django_user_model.objects.create_user("ola", "ola@example.org", "x" * 16)
    assign_translator(user, "pl")
    client.force_login(user)
    return user


@pytest.fixture
def deepl(settings):
    with LocalDeepL() as server:
        settings.DEEPL_AUTH_KEY = AUTH_KEY
        settings.DEEPL_SERVER_URL = server.url
        settings.DEEPL_NETWORK_RETRIES = 0
        settings.MACHINE_DRAFTS_PUBLISHED_LANGUAGES = []
        yield server


def exchange(client, **data):
    return client.post(reverse("cms_translation_exchange"), data)


def test_the_queue_leads_to_the_translator_s_tools(translator, client):
    page = client.get(reverse("cms_translation_queue")).content.decode()
    assert reverse("cms_translation_exchange") in page
    assert f"{reverse('cms_machine_drafts')}?language=pl" in page
    assert "segment=action/taalhuis" in page  # a machine draft of one item


def test_a_translator_downloads_their_queue_and_uploads_it_back_as_their_own_work(
    translator, client
):
    form = client.get(reverse("cms_translation_exchange")).context["form"]
    assert [code for code, _name in form.fields["language"].choices] == ["pl"]
    response = exchange(
        client, language="pl", only=["missing", "outdated"], xliff_version="1.2", download="1"
    )
    assert response.status_code == 200
    store = xliff1.xlifffile.parsestring(response.content)
    ids = {unit_id(unit) for unit in store.units}
    assert "action/taalhuis/title" in ids
    assert "partner/ggd/description" not in ids  # translated and current: not in the queue
    for unit in store.units:
        if unit_id(unit) == "action/taalhuis/title":
            unit.target = "Dom językowy"
    upload = SimpleUploadedFile("pl.xlf", bytes(store))
    assert exchange(client, upload="1", file=upload).status_code == 302
    assert PolicyAction.objects.get(slug="taalhuis").title_pl == "Dom językowy"
    entry = TranslationRecord.objects.get(field="title", language="pl")
    assert (entry.origin, entry.saved_by) == (Origin.HUMAN, translator)


def test_a_translator_s_file_in_another_language_is_refused_by_name_and_changes_nothing(
    translator, client
):
    refused = exchange(client, language="ro", xliff_version="1.2", download="1")
    assert refused.status_code == 200 and b"<xliff" not in refused.content
    assert "language" in refused.context["form"].errors
    segments = [
        replace(segment, target="Casa limbii")
        for segment in segments_of("action", PolicyAction.objects.get(), "ro")
        if segment.id.endswith("/title")
    ]
    upload = SimpleUploadedFile("ro.xlf", write(segments, "nl", "ro"))
    page = exchange(client, upload="1", file=upload)
    assert page.status_code == 200
    refusal = escape("file: target language 'ro' is not one you translate into")
    assert refusal in page.content.decode()
    assert PolicyAction.objects.get().title_ro in ("", None)


def test_a_translator_asks_a_machine_draft_of_one_item_in_their_language_only(
    translator, client, deepl
):
    address = reverse("cms_machine_drafts")
    page = client.get(address + "?language=pl&segment=action/taalhuis")
    assert page.context["form"].initial["segment"] == "action/taalhuis"
    refused = client.post(address, {"language": "ro", "segment": "action/taalhuis"})
    assert list(refused.context["form"].errors) == ["language"]
    assert deepl.state.requests == []
    sent = client.post(address, {"language": "pl", "segment": "action/taalhuis"})
    assert sent.status_code == 302
    action = PolicyAction.objects.get()
    assert action.title_pl.startswith("[PL] ") and not action.title_ro
    entry = TranslationRecord.objects.get(field="title", language="pl")
    assert (entry.origin, entry.reviewed, entry.saved_by) == (Origin.MACHINE, False, translator)


def test_the_whole_queue_is_drafted_in_the_background_and_its_state_shown(
    translator, client, deepl
):
    address = reverse("cms_machine_drafts")
    sent = client.post(address, {"language": "pl", "segment": ""})
    assert sent.status_code == 302 and "?task=" in sent.url
    waiting = client.get(sent.url).content.decode()
    assert 'data-drafting-task="ready"' in waiting
    assert not PolicyAction.objects.get().title_pl  # nothing yet: the worker has not run
    call_command(
        "db_worker",
        "--batch",
        "--max-tasks",
        "1",
        "--backend",
        "background",
        "--no-startup-delay",
        stdout=StringIO(),
    )
    done = client.get(sent.url).content.decode()
    assert 'data-drafting-task="successful"' in done
    assert "Het vertalen in het Pools is klaar:" in done  # the Dutch admin
    assert PolicyAction.objects.get().title_pl.startswith("[PL] ")
    guide = GuidePage.objects.get(slug="huisarts").get_latest_revision_as_object()
    assert guide.title_pl.startswith("[PL] ")
    assert Partner.objects.get(slug="ggd").description_pl == "GGD."  # a person's text stays


def test_a_translator_for_one_municipality_spends_only_its_budget(
    db, django_user_model, client, deepl
):
    region()
    tiel = Municipality.objects.get(slug="tiel")
    user = django_user_model.objects.create_user("ana", "ana@example.org", "x" * 16)
    TranslatorAssignment.objects.create(user=user, language="ro", site=tiel.site)
    client.force_login(user)
    form = client.get(reverse("cms_machine_drafts")).context["form"]
    assert [pk for pk, _name in form.fields["municipality"].choices] == [tiel.pk]
    neder_betuwe = Municipality.objects.get(slug="neder-betuwe")
    refused = client.post(
        reverse("cms_machine_drafts"),
        {"municipality": neder_betuwe.pk, "language": "ro", "segment": "partner/ggd"},
    )
    assert list(refused.context["form"].errors) == ["municipality"]
    assert deepl.state.requests == []
