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
from cms.translation.queue import translation_queue
from cms.translation.translators import assign_translator
from tests import factories
from tests.cms.conftest import OTHER, OWN
from tests.signup_helpers import signup_activity


@pytest.fixture
def coalition(coalition):
    """The coalition, its two activities a week ahead: the start page lists dates to come only,
    and the factories' fixed 5 January 2027 would drop them from the page from the 6th on."""
    week_ahead = timezone.now() + timedelta(days=7)
    for activity in ActivityPage.objects.filter(slug__in=["spreekuur", "voetbal"]):
        activity.starts_at, activity.ends_at = week_ahead, week_ahead + timedelta(hours=1)
        activity.save()


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


def queue_panel(page: str) -> str | None:
    """The translator's queue panel of the start page, if shown."""
    found = re.search(
        r'<section[^>]+aria-labelledby="translator-queue-heading".*?</section>', page, re.S
    )
    return found.group(0) if found else None


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


def test_a_translator_sees_their_queue_per_language_and_nothing_else(client, login_as, questions):
    user = login_as("translator_pl")
    assign_translator(user, "ro")
    page = start_page(client)
    panel = queue_panel(page)
    assert panel is not None
    sizes = {
        code: len(translation_queue(code)) for code in ("pl", "ro")
    }  # partners' descriptions, the plan's actions, guides, activities still ahead
    assert all(sizes.values())
    for code, name in (("pl", "Polish"), ("ro", "Romanian")):
        link = f'<a href="/admin/translations/queue/?language={code}">'
        assert f'<li data-queue-size="{sizes[code]}">{link}' in panel
        assert f"Items to translate into {name}: {sizes[code]}" in panel
        # The link leads to the queue it counts.
        queue = client.get(f"/admin/translations/queue/?language={code}").content.decode()
        assert f'data-queue-size="{sizes[code]}"' in queue
    assert "Bulgarian" not in panel  # only their own languages
    for other in ('data-panel="partner-work"', 'data-panel="coordinator-work"', "Add activity"):
        assert other not in page
    assert "Translation coverage" not in page and 'data-count="questions"' not in page
    assert title("spreekuur") not in page  # no partner's activities


def test_a_partner_editor_who_translates_sees_both(client, login_as, questions):
    user = login_as("editor_own")
    assign_translator(user, "uk")
    page = start_page(client)
    assert 'data-panel="partner-work"' in page
    assert "Items to translate into Ukrainian" in queue_panel(page)


@pytest.mark.parametrize("role", ["editor_own", "contributor_own", "coordinator"])
def test_who_translates_nothing_sees_no_queue(client, login_as, questions, role):
    login_as(role)
    assert queue_panel(start_page(client)) is None


@pytest.mark.parametrize(
    ("role", "queries"),
    # Most are Wagtail's own (session, user, its panels); ours are one per item of work.
    # Editors: +1 for their sign-ups (contributors see none). Partners' people: +1, are
    # they translators too (the queue panel)? Coordinators: +10, the translation coverage
    # panel (visible activities, guides, their two record sets; policy actions, their
    # partners, their records, their progress updates and those records; open surveys).
    # A translator (one language): the queue of that language, one query per content type for
    # the objects and one for their records, one per child model (progress updates; a
    # survey's questions and options, none open here) and one for its records, one for the
    # next dates, one for the read counts. The site's own texts (home, lists, categories,
    # plan, building blocks): +7 in both the coverage panel and the queue, six kinds'
    # objects and one query for all their records.
    [("editor_own", 39), ("contributor_own", 37), ("coordinator", 55), ("translator_pl", 41)],
)
def test_the_start_page_costs_a_fixed_number_of_queries(
    client, login_as, questions, django_assert_num_queries, role, queries
):
    login_as(role)
    start_page(client)  # sessions, permissions caches: warm
    with django_assert_num_queries(queries):
        start_page(client)
