"""Two people on one object, each in their own session: nobody's text is overwritten in silence.

Translator against translator at the desk, translator against editor in the
page editor (both directions), and two translators' drafts.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from cms.models import GuidePage
from cms.translation.records import TranslationDraft
from cms.translation.translators import assign_translator
from tests import factories
from tests.cms.admin_forms import page_form_data


@pytest.fixture
def guide(db) -> GuidePage:
    factories.load(
        partners=[factories.partner(slug="ggd")],
        guides=[
            factories.guide(
                "ggd", slug="huisarts", summary={"nl": "Zo werkt de huisarts.", "pl": "Stary."}
            )
        ],
    )
    return GuidePage.objects.get(slug="huisarts")


def session(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def translators(guide, django_user_model) -> tuple[Client, Client]:
    people = []
    for name in ("ola", "piotr"):
        user = django_user_model.objects.create_user(name, f"{name}@example.org", "x" * 16)
        assign_translator(user, "pl")
        people.append(session(user))
    return people[0], people[1]


@pytest.fixture
def editor(guide, django_user_model) -> Client:
    return session(
        django_user_model.objects.create_superuser("redactie", "r@example.org", "x" * 16)
    )


def desk(page) -> str:
    return reverse("cms_translation_desk", args=["guide", page.pk, "pl"])


def open_desk(client: Client, page) -> dict:
    """The desk's form as the translator's browser holds it: the bases of every text."""
    texts = client.get(desk(page)).context["texts"]
    return {f"base-{text.name}": text.base for text, _value in texts}


def open_editor(client: Client, page) -> str:
    """The page editor's hidden fingerprints of the texts as opened."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    assert 'name="texts_as_opened"' in response.content.decode()
    return response.context["form"]["texts_as_opened"].value()


def save_in_editor(client: Client, page, as_opened: str, **texts):
    """Publish the editor's form: the Polish summary as they opened it, unless ``texts`` say."""
    fields = {"texts_as_opened": as_opened, "summary_pl": "Stary.", **texts}
    data = page_form_data(page, "publish", **fields)
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def test_the_second_translator_to_submit_is_refused_and_keeps_their_text(guide, translators):
    ola, piotr = translators
    ola_form, piotr_form = open_desk(ola, guide), open_desk(piotr, guide)
    first = ola.post(desk(guide), {**ola_form, "text-summary": "Ola.", "action": "submit"})
    assert first.status_code == 302
    second = piotr.post(desk(guide), {**piotr_form, "text-summary": "Piotr.", "action": "submit"})
    assert second.status_code == 409
    assert "summary" in second.content.decode()
    # The form is shown again, with Piotr's text in it.
    kept = {text.name: value for text, value in second.context["texts"]}
    assert kept["summary"] == "Piotr."
    guide.refresh_from_db()
    assert guide.summary_pl == "Ola."


def test_each_translator_keeps_their_own_draft(guide, translators):
    ola, piotr = translators
    ola.post(desk(guide), {"text-summary": "Szkic Oli", "action": "draft"})
    piotr.post(desk(guide), {"text-summary": "Szkic Piotra", "action": "draft"})
    assert sorted(TranslationDraft.objects.values_list("texts__summary", flat=True)) == [
        "Szkic Oli",
        "Szkic Piotra",
    ]
    for client, text in ((ola, "Szkic Oli"), (piotr, "Szkic Piotra")):
        shown = {t.name: value for t, value in client.get(desk(guide)).context["texts"]}
        assert shown["summary"] == text
    guide.refresh_from_db()
    assert guide.summary_pl == "Stary."


def test_an_editor_s_form_keeps_the_translators_newer_text_and_saves_the_rest(
    guide, translators, editor
):
    ola, _piotr = translators
    as_opened = open_editor(editor, guide)
    ola.post(desk(guide), {**open_desk(ola, guide), "text-summary": "Nowy.", "action": "submit"})
    # The editor's form still holds the old Polish summary; they change only the Dutch.
    saved = save_in_editor(editor, guide, as_opened, summary_nl="Zo werkt uw huisarts.")
    assert saved.status_code == 302
    guide.refresh_from_db()
    assert (guide.summary_nl, guide.summary_pl) == ("Zo werkt uw huisarts.", "Nowy.")


def test_an_editor_who_changed_the_same_text_is_refused_and_nothing_is_saved(
    guide, translators, editor
):
    ola, _piotr = translators
    as_opened = open_editor(editor, guide)
    ola.post(desk(guide), {**open_desk(ola, guide), "text-summary": "Nowy.", "action": "submit"})
    revisions = guide.revisions.count()
    refused = save_in_editor(editor, guide, as_opened, summary_nl="Anders.", summary_pl="Redakcja.")
    assert refused.status_code == 200
    (error,) = refused.context["form"].errors["summary_pl"]
    assert "(summary, " in error  # named, in the admin's language
    assert escape(error) in refused.content.decode()
    guide.refresh_from_db()
    assert (guide.summary_nl, guide.summary_pl) == ("Zo werkt de huisarts.", "Nowy.")
    assert guide.revisions.count() == revisions


def test_a_translator_is_refused_when_an_editor_changed_the_text_in_an_unpublished_draft(
    guide, translators, editor
):
    ola, _piotr = translators
    ola_form = open_desk(ola, guide)
    drafted = editor.post(
        reverse("wagtailadmin_pages:edit", args=[guide.pk]),
        page_form_data(
            guide, texts_as_opened=open_editor(editor, guide), summary_pl="Redakcja w szkicu."
        ),
    )
    assert drafted.status_code == 302
    refused = ola.post(desk(guide), {**ola_form, "text-summary": "Ola.", "action": "submit"})
    assert refused.status_code == 409
    guide.refresh_from_db()
    assert guide.summary_pl == "Stary."
    assert guide.get_latest_revision_as_object().summary_pl == "Redakcja w szkicu."
