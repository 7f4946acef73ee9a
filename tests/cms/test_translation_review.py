"""A municipality that asks for a second translator's review: the whole path, in two sessions.

Submitted → waiting in the other translators' queue (never the author's) →
approved (live, written by the author, checked by the reviewer) or sent back
(the author's draft again). Until then readers get the previous text or the
fallback, on the API and on the site.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from cms.models import GuidePage, Municipality
from cms.translation.municipal import MunicipalTranslationSettings
from cms.translation.records import TranslationDraft, TranslationRecord, TranslationSubmission
from cms.translation.translators import assign_translator
from tests import factories


@pytest.fixture
def guide(db) -> GuidePage:
    factories.load(
        partners=[factories.partner(slug="ggd")],
        guides=[
            factories.guide(
                "ggd",
                slug="huisarts",
                title={"nl": "De huisarts"},
                summary={"nl": "Zo werkt de huisarts.", "pl": "Stary opis."},
            )
        ],
    )
    MunicipalTranslationSettings.objects.create(
        municipality=Municipality.objects.get(), review_required=True
    )
    return GuidePage.objects.get(slug="huisarts")


def translator(django_user_model, name: str, language: str = "pl") -> Client:
    user = django_user_model.objects.create_user(name, f"{name}@example.org", "x" * 16)
    assign_translator(user, language)
    client = Client()
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def ola(guide, django_user_model) -> Client:
    return translator(django_user_model, "ola")


@pytest.fixture
def piotr(guide, django_user_model) -> Client:
    return translator(django_user_model, "piotr")


def submit(client: Client, page: GuidePage, **texts) -> None:
    desk = reverse("cms_translation_desk", args=["guide", page.pk, "pl"])
    bases = {f"base-{text.name}": text.base for text, _ in client.get(desk).context["texts"]}
    posted = {f"text-{name}": text for name, text in texts.items()}
    response = client.post(desk, {**bases, **posted, "action": "submit"})
    assert response.status_code == 302


def shown(client: Client) -> dict:
    answer = client.get("/api/v1/guides/huisarts", {"lang": "pl"})
    assert answer.status_code == 200
    body = answer.json()
    return {"title": body["title"], "summary": body["summary"]}


def review_url(submission: TranslationSubmission) -> str:
    return reverse("cms_translation_review", args=[submission.pk])


def test_a_submitted_translation_waits_for_a_second_translator_and_readers_see_the_old(
    guide, ola, piotr
):
    before = shown(Client())
    assert before == {"title": "De huisarts", "summary": "Stary opis."}
    submit(ola, guide, title="Lekarz rodzinny", summary="Nowy opis.")
    guide.refresh_from_db()
    assert (guide.title_pl, guide.summary_pl) in (("", "Stary opis."), (None, "Stary opis."))
    assert shown(Client()) == before  # the previous text, and the fallback for the title
    site = Client().get("/pl/wegwijzers/huisarts/")
    assert site.status_code == 200
    html = site.content.decode()
    assert "Stary opis." in html and "Nowy opis." not in html
    submission = TranslationSubmission.objects.get()
    assert (submission.submitted_by, submission.texts["summary"]) == (ola.user, "Nowy opis.")
    # The author's queue does not offer it to them; the other translator's does.
    own_queue = ola.get(reverse("cms_translation_queue")).content.decode()
    assert f'data-review="{submission.pk}"' not in own_queue
    queue = piotr.get(reverse("cms_translation_queue")).content.decode()
    assert f'data-review="{submission.pk}"' in queue


def test_the_author_cannot_review_their_own_and_nothing_changes(guide, ola):
    submit(ola, guide, summary="Nowy opis.")
    submission = TranslationSubmission.objects.get()
    for response in (
        ola.get(review_url(submission)),
        ola.post(review_url(submission), {"action": "approve"}),
    ):
        assert (response.status_code, response.url) == (302, "/admin/")
    guide.refresh_from_db()
    assert guide.summary_pl == "Stary opis."
    assert TranslationSubmission.objects.filter(pk=submission.pk).exists()


def test_a_translator_of_another_language_cannot_review(guide, ola, django_user_model):
    submit(ola, guide, summary="Nowy opis.")
    ana = translator(django_user_model, "ana", "ro")
    submission = TranslationSubmission.objects.get()
    refused = ana.post(review_url(submission), {"action": "approve"})
    assert (refused.status_code, refused.url) == (302, "/admin/")
    guide.refresh_from_db()
    assert guide.summary_pl == "Stary opis."


def test_the_reviewer_s_approval_puts_it_live_as_the_author_s_checked_text(guide, ola, piotr):
    submit(ola, guide, title="Lekarz rodzinny", summary="Nowy opis.")
    submission = TranslationSubmission.objects.get()
    page = piotr.get(review_url(submission)).content.decode()
    assert "Nowy opis." in page and "Stary opis." in page and "Zo werkt de huisarts." in page
    approved = piotr.post(review_url(submission), {"action": "approve"})
    assert approved.status_code == 302
    assert shown(Client()) == {"title": "Lekarz rodzinny", "summary": "Nowy opis."}
    entry = TranslationRecord.objects.get(field="summary", language="pl")
    assert (entry.saved_by, entry.reviewed, entry.reviewed_by) == (ola.user, True, piotr.user)
    assert not TranslationSubmission.objects.exists()


def test_sent_back_it_becomes_the_author_s_draft_again(guide, ola, piotr):
    submit(ola, guide, summary="Nowy opis.")
    submission = TranslationSubmission.objects.get()
    assert piotr.post(review_url(submission), {"action": "send_back"}).status_code == 302
    assert not TranslationSubmission.objects.exists()
    draft = TranslationDraft.objects.get()
    assert (draft.saved_by, draft.texts["summary"]) == (ola.user, "Nowy opis.")
    guide.refresh_from_db()
    assert guide.summary_pl == "Stary opis."


def test_an_approval_after_someone_changed_the_text_is_refused_and_keeps_the_submission(
    guide, ola, piotr, django_user_model
):
    submit(ola, guide, summary="Nowy opis.")
    submission = TranslationSubmission.objects.get()
    MunicipalTranslationSettings.objects.update(review_required=False)
    submit(translator(django_user_model, "kasia"), guide, summary="Opis Kasi.")
    refused = piotr.post(review_url(submission), {"action": "approve"})
    assert refused.status_code == 409
    guide.refresh_from_db()
    assert guide.summary_pl == "Opis Kasi."
    assert TranslationSubmission.objects.filter(pk=submission.pk).exists()


def test_without_the_requirement_a_submit_goes_live_at_once(guide, ola):
    MunicipalTranslationSettings.objects.update(review_required=False)
    submit(ola, guide, summary="Nowy opis.")
    guide.refresh_from_db()
    assert guide.summary_pl == "Nowy opis."
    assert not TranslationSubmission.objects.exists()
