"""Routing: each topic goes to the partner the coordinator chose, and nothing is ever dropped."""

from __future__ import annotations

import json

import pytest

from cms.contact_point.intake import receive_question
from cms.contact_point.routing import responsible_partner, route_unrouted, set_responsible
from cms.management.commands.load_demo import DEMO_FILE, DEMO_QUESTION_ROUTING
from cms.models import Partner, Question, QuestionTopic, TopicResponsibility
from tests import factories


def ask(topic: str) -> Question:
    return receive_question({"language": "bg", "topic": topic, "text": "Къде да се регистрирам?"})


@pytest.fixture
def partners(db):
    factories.load(
        partners=[
            factories.partner(slug="welzijn", type="welfare"),
            factories.partner(slug="gemeente", type="municipality"),
        ]
    )


def test_a_question_goes_to_the_partner_responsible_for_its_topic(partners):
    set_responsible("work", Partner.objects.get(slug="welzijn"))
    assert ask("work").routed_partner.slug == "welzijn"
    assert ask("school").routed_partner is None  # the coordinators


def test_when_a_partner_leaves_its_questions_go_back_to_the_coordinators(partners):
    set_responsible("work", Partner.objects.get(slug="welzijn"))
    question = ask("work")
    Partner.objects.get(slug="welzijn").delete()
    question.refresh_from_db()
    assert question.routed_partner is None
    assert question.text  # still there, for the coordinators to answer
    assert responsible_partner("work") is None
    assert ask("work").routed_partner is None


def test_demo_routing_never_undoes_the_coordinators_choice(partners):
    set_responsible("work", Partner.objects.get(slug="gemeente"))
    routed = route_unrouted({"work": "welzijn", "housing": "gemeente", "health": "missing"})
    assert routed == ["housing"]
    assert dict(TopicResponsibility.objects.values_list("topic", "partner__slug")) == {
        "work": "gemeente",
        "housing": "gemeente",
    }


def test_the_demo_routes_every_topic_but_other_to_a_demo_partner():
    demo_partners = {partner["slug"] for partner in json.loads(DEMO_FILE.read_text())["partners"]}
    assert set(DEMO_QUESTION_ROUTING) == set(QuestionTopic.values) - {"other"}
    assert set(DEMO_QUESTION_ROUTING.values()) <= demo_partners
