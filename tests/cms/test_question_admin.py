"""Questions in the admin: each partner's editors see, answer and close only their own.

GGD (``OWN``) is responsible for health questions, VV Ochten (``OTHER``) for
work; nobody for "other" questions, which the coordinators handle. Every role
× every way in (list, edit, answer, history, usage, delete, add, routing): only the
roles that may get through; the others are refused or get a 404, and nothing
changes.
"""

from __future__ import annotations

import pytest
from django.core import mail
from django.db import transaction
from django.urls import reverse

from cms.contact_point.intake import receive_question
from cms.contact_point.routing import set_responsible
from cms.models import Partner, Question, TopicResponsibility
from tests.cms.conftest import OTHER, OWN, ROLES, build_coalition


def ask(topic: str, text: str, **contact) -> Question:
    return receive_question({"language": "pl", "topic": topic, "text": text, **contact})


@pytest.fixture(scope="module")
def coalition_with_questions(django_db_setup, django_db_blocker):
    """The coalition and three questions, built once for the module's ~70 cells: each test
    runs in a savepoint inside this transaction and is rolled back to it."""
    with django_db_blocker.unblock(), transaction.atomic():
        build_coalition()
        set_responsible("health", Partner.objects.get(slug=OWN))
        set_responsible("work", Partner.objects.get(slug=OTHER))
        references = {
            "own": ask(
                "health",
                "Czy mogę iść do lekarza bez ubezpieczenia?",
                contact_method="email",
                contact_value="marta@example.org",
            ).reference,
            "other": ask("work", "Agencja zabrała mi paszport.").reference,
            "unrouted": ask("other", "Gdzie mogę oddać stary rower?").reference,
        }
        yield references
        transaction.set_rollback(True)


@pytest.fixture
def coalition(coalition_with_questions, db):
    """Overrides the conftest fixture: the module's coalition, unchanged for every test."""


@pytest.fixture
def questions(coalition_with_questions, coalition) -> dict[str, Question]:
    return {
        name: Question.objects.get(reference=reference)
        for name, reference in coalition_with_questions.items()
    }


def refused(response) -> bool:
    """A 404 (it does not exist for you), 403, or Wagtail's redirect to login or home."""
    if response.status_code in (403, 404):
        return True
    return response.status_code == 302 and (
        response["Location"].startswith(reverse("wagtailadmin_login"))
        or response["Location"] == reverse("wagtailadmin_home")
    )


def state(question: Question) -> tuple:
    question.refresh_from_db()
    return (question.status, question.answer, question.routed_partner_id, question.closed_at)


# Which questions each role may handle.
HANDLES = {
    "anonymous": set(),
    "contributor_own": set(),
    "contributor_other": set(),
    "editor_own": {"own"},
    "editor_other": {"other"},
    "coordinator": {"own", "other", "unrouted"},
    "translator_pl": set(),  # translates content; answers no questions
}


@pytest.mark.parametrize("role", list(ROLES))
def test_the_list_shows_only_the_questions_routed_to_ones_partner(
    role, client, login_as, questions
):
    login_as(role)
    response = client.get(reverse("questions:index"))
    if not HANDLES[role]:
        assert refused(response)
        return
    assert response.status_code == 200
    listing = response.content.decode()
    for name, question in questions.items():
        assert (question.reference in listing) == (name in HANDLES[role]), name
    # The asker's words are not in the list, only on the question's own page.
    assert "paszport" not in listing


@pytest.mark.parametrize("role", list(ROLES))
@pytest.mark.parametrize("name", ["own", "other", "unrouted"])
def test_opening_a_question_by_its_address(role, name, client, login_as, questions):
    login_as(role)
    question = questions[name]
    for view in ("edit", "history", "usage"):
        response = client.get(reverse(f"questions:{view}", args=[question.pk]))
        if name in HANDLES[role]:
            assert response.status_code == 200, view
        else:
            assert refused(response), (view, response.status_code)
    if name in HANDLES[role]:
        page = client.get(reverse("questions:edit", args=[question.pk])).content.decode()
        assert question.text in page


def answer_form(**overrides) -> dict:
    return {"answer": "Tak, na pogotowiu zawsze.", "status": "answered", **overrides}


@pytest.mark.parametrize("role", list(ROLES))
@pytest.mark.parametrize("name", ["own", "other", "unrouted"])
def test_answering_a_question(role, name, client, login_as, questions):
    login_as(role)
    question = questions[name]
    before = state(question)
    response = client.post(reverse("questions:edit", args=[question.pk]), answer_form())
    if name in HANDLES[role]:
        assert response.status_code == 302 and not refused(response)
        question.refresh_from_db()
        assert (question.status, question.answer) == ("answered", "Tak, na pogotowiu zawsze.")
        assert question.answered_at is not None
    else:
        assert refused(response), response.status_code
        assert state(question) == before


def test_an_editor_cannot_route_a_question_elsewhere(client, login_as, questions):
    login_as("editor_own")
    question = questions["own"]
    other = Partner.objects.get(slug=OTHER)
    client.post(reverse("questions:edit", args=[question.pk]), answer_form(routed_partner=other.pk))
    question.refresh_from_db()
    assert question.routed_partner.slug == OWN
    assert question.answer  # the answer itself was saved


def test_the_coordinator_routes_an_unrouted_question_to_a_partner(client, login_as, questions):
    login_as("coordinator")
    question = questions["unrouted"]
    own = Partner.objects.get(slug=OWN)
    response = client.post(
        reverse("questions:edit", args=[question.pk]),
        {"routed_partner": own.pk, "answer": "", "status": "new"},
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.routed_partner == own
    # ... and from then on GGD's editors see it.
    client.logout()
    login_as("editor_own")
    assert question.reference in client.get(reverse("questions:index")).content.decode()


def test_closing_a_question_records_the_day_and_reopening_clears_it(client, login_as, questions):
    login_as("editor_own")
    question = questions["own"]
    url = reverse("questions:edit", args=[question.pk])
    client.post(url, answer_form(status="closed", answer=""))
    question.refresh_from_db()
    assert question.status == "closed" and question.closed_at is not None
    client.post(url, answer_form(status="new", answer=""))
    question.refresh_from_db()
    assert question.closed_at is None


def test_answered_needs_an_answer(client, login_as, questions):
    login_as("editor_own")
    question = questions["own"]
    response = client.post(reverse("questions:edit", args=[question.pk]), answer_form(answer=""))
    assert response.status_code == 200
    assert response.context["form"].errors["answer"]
    question.refresh_from_db()
    assert question.status == "new"


def test_the_answer_is_emailed_once_in_the_askers_language(client, login_as, questions):
    Partner.objects.filter(slug=OWN).update(email="vragen@ggd.example")
    login_as("editor_own")
    question = questions["own"]
    url = reverse("questions:edit", args=[question.pk])

    client.post(url, answer_form(status="new"))  # a draft: nothing goes out
    assert mail.outbox == []

    client.post(url, answer_form())
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["marta@example.org"]
    assert sent.reply_to == ["vragen@ggd.example"]
    assert question.reference in sent.subject and "Odpowiedź" in sent.subject
    assert "Tak, na pogotowiu zawsze." in sent.body
    question.refresh_from_db()
    assert question.answer_sent_at is not None

    client.post(url, answer_form(status="closed"))  # closing sends nothing new
    assert len(mail.outbox) == 1


@pytest.mark.parametrize("role", list(ROLES))
def test_only_coordinators_delete_questions(role, client, login_as, questions):
    login_as(role)
    question = questions["own"]
    response = client.post(reverse("questions:delete", args=[question.pk]))
    if role == "coordinator":
        assert not Question.objects.filter(pk=question.pk).exists()
    else:
        assert refused(response), response.status_code
        assert Question.objects.filter(pk=question.pk).exists()


@pytest.mark.parametrize("role", list(ROLES))
def test_nobody_creates_questions_in_the_admin(role, client, login_as, questions):
    login_as(role)
    response = client.post(
        "/admin/questions/new/", {"topic": "work", "text": "x" * 20, "language": "nl"}
    )
    assert refused(response) or response.status_code == 405
    assert Question.objects.count() == 3


@pytest.mark.parametrize("role", list(ROLES))
def test_only_coordinators_set_the_routing(role, client, login_as, questions):
    login_as(role)
    own = Partner.objects.get(slug=OWN)
    response = client.post(reverse("question_routing:add"), {"topic": "school", "partner": own.pk})
    routed = TopicResponsibility.objects.filter(topic="school").exists()
    if role == "coordinator":
        assert routed
    else:
        assert refused(response), response.status_code
        assert not routed


def test_questions_have_no_revisions_and_their_history_names_no_asker(client, login_as, questions):
    login_as("editor_own")
    question = questions["own"]
    client.post(reverse("questions:edit", args=[question.pk]), answer_form())
    history = client.get(reverse("questions:history", args=[question.pk])).content.decode()
    assert question.reference in history
    assert "marta@example.org" not in history and "ubezpieczenia" not in history
    assert not hasattr(question, "revisions")


@pytest.mark.parametrize("role", ["contributor_own", "editor_own", "coordinator"])
def test_the_menu_offers_questions_to_those_who_answer_them(role, client, login_as, questions):
    login_as(role)
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert (reverse("questions:index") in menu) == bool(HANDLES[role])
    assert (reverse("question_routing:index") in menu) == (role == "coordinator")


def test_an_erased_question_shows_when_it_was_erased_and_nothing_personal(
    client, login_as, questions
):
    from datetime import timedelta

    from django.utils import timezone

    from cms.contact_point.retention import erase_expired_personal_data

    question = questions["own"]
    erase_expired_personal_data(timezone.now() + timedelta(days=91))
    login_as("editor_own")
    page = client.get(reverse("questions:edit", args=[question.pk])).content.decode()
    assert "Persoonsgegevens gewist" in page  # the admin speaks Dutch
    assert "ubezpieczenia" not in page and "marta@example.org" not in page


def test_an_answer_that_could_not_be_mailed_is_kept_and_sent_on_the_next_save(
    client, login_as, questions, settings
):
    # A real SMTP connection to a port nobody listens on: refused at once.
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", 9, False
    login_as("editor_own")
    question = questions["own"]
    url = reverse("questions:edit", args=[question.pk])
    response = client.post(url, answer_form(), follow=True)
    assert "kon niet worden gemaild" in response.content.decode()
    question.refresh_from_db()
    assert question.status == "answered" and question.answer_sent_at is None

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    client.post(url, answer_form())
    assert len(mail.outbox) == 1
    question.refresh_from_db()
    assert question.answer_sent_at is not None
