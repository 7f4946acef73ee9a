"""An unreviewed machine draft parked in a page's draft keeps its label when an editor publishes.

Polish machine drafts may go live unreviewed (the coordinator chose so), but a
page with a pending draft, or one never published, gets them in its draft. An
editor then publishes that draft: the machine text must still be recorded as
machine, unreviewed, and readers must still see the "automatically
translated" note. A text the editor rewrote is theirs. Real ``deepl`` client,
local server.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from cms.models import GuidePage
from cms.translation.machine.drafts import draft_object
from cms.translation.provenance import Origin, saving_as
from cms.translation.records import TranslationRecord
from tests import factories
from tests.cms.admin_forms import page_form_data
from tests.cms.deepl_server import AUTH_KEY, LocalDeepL


@pytest.fixture
def deepl(settings):
    with LocalDeepL() as server:
        settings.DEEPL_AUTH_KEY = AUTH_KEY
        settings.DEEPL_SERVER_URL = server.url
        settings.DEEPL_NETWORK_RETRIES = 0
        settings.MACHINE_TRANSLATION_MONTHLY_CHARACTERS = 10_000
        settings.MACHINE_DRAFTS_PUBLISHED_LANGUAGES = ["pl"]
        yield server


@pytest.fixture
def editor(db, django_user_model):
    return django_user_model.objects.create_superuser("redactie", "r@example.org", "x" * 16)


@pytest.fixture
def guide(db) -> GuidePage:
    factories.load(
        partners=[factories.partner(slug="ggd")],
        guides=[
            factories.guide(
                "ggd", slug="huisarts", title={"nl": "De huisarts"}, summary={"nl": "Zo werkt het."}
            )
        ],
    )
    return GuidePage.objects.get(slug="huisarts")


def publish_latest(page: GuidePage, editor, **changes) -> GuidePage:
    """The editor publishes the page's draft, as the admin does (their request's ``saving_as``)."""
    draft = GuidePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    for column, value in changes.items():
        setattr(draft, column, value)
    with saving_as(Origin.HUMAN, editor):
        draft.save_revision(user=editor).publish(user=editor)
    return GuidePage.objects.get(pk=page.pk)


def record(page: GuidePage, name: str) -> TranslationRecord:
    return TranslationRecord.objects.get(object_id=page.pk, field=name, language="pl")


def machine_note_shown(page: GuidePage) -> bool:
    answer = Client().get(f"/api/v1/guides/{page.slug}", {"lang": "pl"})
    assert answer.status_code == 200
    return answer.json()["machine_translated"]


@pytest.mark.parametrize("situation", ["pending draft", "never published"])
def test_the_label_survives_an_editor_publishing_the_parked_draft(deepl, guide, editor, situation):
    if situation == "pending draft":
        guide.title_nl = "De huisarts"  # an editor's draft, not yet published
        guide.save_revision(user=editor)
    else:
        guide.unpublish()
    draft_object("guide", "huisarts", "pl")
    live = GuidePage.objects.get(pk=guide.pk)
    assert live.title_pl in ("", None)  # parked, not live
    page = publish_latest(live, editor)
    assert page.title_pl == "[PL] De huisarts"
    entry = record(page, "title")
    assert (entry.origin, entry.reviewed) == (Origin.MACHINE, False)
    assert machine_note_shown(page)


def test_a_text_the_editor_rewrote_before_publishing_is_theirs(deepl, guide, editor):
    guide.save_revision(user=editor)
    draft_object("guide", "huisarts", "pl")
    page = publish_latest(
        guide, editor, title_pl="Lekarz rodzinny"
    )  # the summary stays the machine's
    assert (record(page, "title").origin, record(page, "title").saved_by) == (
        Origin.HUMAN,
        editor,
    )
    assert record(page, "summary").origin == Origin.MACHINE


def test_a_reviewed_machine_text_keeps_its_review_when_republished(deepl, guide, editor):
    guide.unpublish()
    draft_object("guide", "huisarts", "pl")
    page = publish_latest(guide, editor)
    TranslationRecord.objects.filter(object_id=page.pk, language="pl").update(reviewed=True)
    page = publish_latest(page, editor, title_nl="De huisarts")
    assert record(page, "title").reviewed


def test_the_label_survives_publishing_through_the_page_editor(deepl, guide, editor):
    guide.unpublish()
    draft_object("guide", "huisarts", "pl")
    draft = GuidePage.objects.get(pk=guide.pk).get_latest_revision_as_object()
    client = Client()
    client.force_login(editor)
    data = page_form_data(
        draft, "publish", title_pl=draft.title_pl, summary_pl=draft.summary_pl or ""
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[guide.pk]), data)
    assert response.status_code == 302
    page = GuidePage.objects.get(pk=guide.pk)
    assert page.live and page.title_pl == "[PL] De huisarts"
    assert (record(page, "title").origin, record(page, "title").reviewed) == (
        Origin.MACHINE,
        False,
    )
    assert machine_note_shown(page)
