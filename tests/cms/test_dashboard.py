"""The start page per person: each role sees its own work, and not another partner's.

GGD (``OWN``) and VV Ochten (``OTHER``) each have an activity and a guide; a
health question goes to GGD, a work question to VV Ochten, and one question is
four days old. The SQL query count of the start page is pinned per role.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from cms.contact_point.intake import receive_question
from cms.contact_point.routing import set_responsible
from cms.models import ActivityPage, Partner, Question
from cms.taking_part.capacity import SignupRequest, sign_up
from tests import factories
from tests.cms.conftest import OTHER, OWN
from tests.signup_helpers import signup_activity


@pytest.fixture
def questions(coalition):
    set_responsible("health", Partner.objects.get(slug=OWN))
    set_responsible("work", Partner.objects.get(slug=OTHER))
    for topic in ("health", "health", "work"):
        receive_question({"language": "pl", "topic": topic, "text": "Pytanie o pracę i zdrowie."})
    old = Question.objects.filter(topic="work").get()
    old.created_at = timezone.now() - timedelta(days=4)
    old.save(update_fields=["created_at"])


@pytest.fixture
def signups(coalition):
    """GGD's consultation takes three people: two come (one brings a friend), one waits;
    VV Ochten's training has one sign-up."""
    factories.load(
        activities=[
            signup_activity(OWN, capacity=3, slug="inloop", title={"nl": "Inloop GGD"}),
            signup_activity(OTHER, capacity=5, slug="training", title={"nl": "Training VV"}),
        ]
    )
    own = ActivityPage.objects.get(slug="inloop")
    for name, people in (("Ania", 2), ("Oleh", 1), ("Ioana", 1)):
        sign_up(
            own, SignupRequest(name, "email", f"{name.lower()}@example.org", "pl", people, None)
        )
    sign_up(
        ActivityPage.objects.get(slug="training"),
        SignupRequest("Piotr", "phone", "+48600123456", "pl", 1, None),
    )


def start_page(client, language: str = "en") -> str:
    """The start page in ``language`` (the admin speaks the browser's language)."""
    answer = client.get("/admin/", HTTP_ACCEPT_LANGUAGE=language)
    assert answer.status_code == 200
    return answer.content.decode()


def title(slug: str) -> str:
    return ActivityPage.objects.get(slug=slug).title


def test_a_partner_editor_sees_their_own_work_only(client, login_as, questions):
    login_as("editor_own")
    page = start_page(client)
    assert 'data-panel="partner-work"' in page and 'data-panel="coordinator-work"' not in page
    assert title("spreekuur") in page
    assert title("voetbal") not in page  # another partner's activity
    assert "Add activity" in page
    assert (
        '<p data-count="questions">Questions waiting for an answer: 2.' in page
    )  # not VV Ochten's one
    assert "Translations to do" in page and ">pl<" in page


def test_the_other_partners_editor_sees_theirs(client, login_as, questions):
    login_as("editor_other")
    page = start_page(client)
    assert title("voetbal") in page and title("spreekuur") not in page
    assert '<p data-count="questions">Questions waiting for an answer: 1.' in page


def test_a_contributor_sees_no_questions(client, login_as, questions):
    login_as("contributor_own")
    page = start_page(client)
    assert title("spreekuur") in page
    assert 'data-count="questions"' not in page


def test_a_coordinator_sees_the_platform(client, login_as, questions):
    login_as("coordinator")
    page = start_page(client)
    assert 'data-panel="coordinator-work"' in page and 'data-panel="partner-work"' not in page
    assert (
        '<li data-count="overdue-questions">Questions unanswered for more than three days: 1.'
        in page
    )
    assert 'data-list="coverage"' in page
    assert (
        '<li data-count="stale-guides">Guides not checked for twelve months: 2.' in page
    )  # never reviewed
    assert "/posters/contact-point.pdf" in page
    assert title("spreekuur") not in page  # no partner's activity list


def test_an_editor_sees_their_sign_ups_and_where_to_manage_them(client, login_as, signups):
    login_as("editor_own")
    page = start_page(client)
    row = re.search(r'<tr data-signup-list="\d+">.*?</tr>', page, re.S).group(0)
    assert "Inloop GGD" in row and "/admin/signups/?signup_list=" in row
    assert '<td data-count="coming">3 of 3</td>' in row
    assert '<td data-count="waiting">1</td>' in row
    assert "Training VV" not in page  # another partner's sign-ups
    assert 'href="/admin/signups/">Manage sign-ups' in page
    panel = re.search(r'<section[^>]+data-panel="partner-work".*?</section>', page, re.S).group(0)
    assert "Ania" not in panel and "ania@" not in panel  # counts, never names


def test_the_other_partners_editor_sees_only_their_sign_ups(client, login_as, signups):
    login_as("editor_other")
    page = start_page(client)
    assert "Training VV" in page and "Inloop GGD" not in page
    assert '<td data-count="coming">1 of 5</td>' in page


@pytest.mark.parametrize("role", ["contributor_own", "coordinator"])
def test_contributors_and_coordinators_get_no_sign_up_panel(client, login_as, signups, role):
    login_as(role)
    page = start_page(client)
    assert 'data-list="signups"' not in page and "Manage sign-ups" not in page


def test_the_start_page_speaks_dutch(client, login_as, signups):
    login_as("editor_own")
    page = start_page(client, "nl")
    assert "Aanmeldingen" in page and "Aanmeldingen beheren" in page
    assert "Activiteit toevoegen" in page
    assert '<td data-count="coming">3 van 3</td>' in page


@pytest.mark.parametrize(
    ("role", "queries"),
    # Most are Wagtail's own (session, user, its panels); ours are one per item of work.
    # Editors: +1 for their sign-ups (contributors see none). Partners' people: +1, are
    # they translators too (the queue panel)? Coordinators: +4, the translation coverage
    # panel (visible activities, guides, their two record sets).
    [("editor_own", 39), ("contributor_own", 37), ("coordinator", 42)],
)
def test_the_start_page_costs_a_fixed_number_of_queries(
    client, login_as, questions, django_assert_num_queries, role, queries
):
    login_as(role)
    start_page(client)  # sessions, permissions caches: warm
    with django_assert_num_queries(queries):
        start_page(client)
