"""The start page per person: each role sees its own work, and not another partner's.

GGD (``OWN``) and VV Ochten (``OTHER``) each have an activity and a guide; a
health question goes to GGD, a work question to VV Ochten, and one question is
four days old. The SQL query count of the start page is pinned per role.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from cms.contact_point.intake import receive_question
from cms.contact_point.routing import set_responsible
from cms.models import ActivityPage, Partner, Question
from tests.cms.conftest import OTHER, OWN


@pytest.fixture
def questions(coalition):
    set_responsible("health", Partner.objects.get(slug=OWN))
    set_responsible("work", Partner.objects.get(slug=OTHER))
    for topic in ("health", "health", "work"):
        receive_question({"language": "pl", "topic": topic, "text": "Pytanie o pracę i zdrowie."})
    old = Question.objects.filter(topic="work").get()
    old.created_at = timezone.now() - timedelta(days=4)
    old.save(update_fields=["created_at"])


def start_page(client) -> str:
    answer = client.get("/admin/")
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
    assert "Add an activity" in page
    assert '<p data-count="questions">2 questions waiting' in page  # not VV Ochten's one
    assert "Translations to do" in page and ">pl<" in page


def test_the_other_partners_editor_sees_theirs(client, login_as, questions):
    login_as("editor_other")
    page = start_page(client)
    assert title("voetbal") in page and title("spreekuur") not in page
    assert '<p data-count="questions">1 question waiting' in page


def test_a_contributor_sees_no_questions(client, login_as, questions):
    login_as("contributor_own")
    page = start_page(client)
    assert title("spreekuur") in page
    assert 'data-count="questions"' not in page


def test_a_coordinator_sees_the_platform(client, login_as, questions):
    login_as("coordinator")
    page = start_page(client)
    assert 'data-panel="coordinator-work"' in page and 'data-panel="partner-work"' not in page
    assert '<li data-count="overdue-questions">1 question unanswered' in page
    assert 'data-list="coverage"' in page
    assert '<li data-count="stale-guides">2 guides not checked' in page  # never reviewed
    assert "/posters/contact-point.pdf" in page
    assert title("spreekuur") not in page  # no partner's activity list


@pytest.mark.parametrize(
    ("role", "queries"),
    # Most are Wagtail's own (session, user, its panels); ours are one per item of work.
    # Partners' people: +1, are they translators too (the queue panel)? Coordinators: +4,
    # the translation coverage panel (visible activities, guides, their two record sets).
    [("editor_own", 38), ("contributor_own", 37), ("coordinator", 42)],
)
def test_the_start_page_costs_a_fixed_number_of_queries(
    client, login_as, questions, django_assert_num_queries, role, queries
):
    login_as(role)
    start_page(client)  # sessions, permissions caches: warm
    with django_assert_num_queries(queries):
        start_page(client)
