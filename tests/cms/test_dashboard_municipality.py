"""A municipality's coordinator gets the coordinator's start page, over their municipality only.

The region: Neder-Betuwe (``NB``) and Tiel. Each has a club with an activity
submitted for approval and a failed calendar, a guide never reviewed and
overdue questions (one in Neder-Betuwe, two in Tiel); the GGD's guide is shown
in both. The regional coordinator sees all of it; Neder-Betuwe's coordinator
only Neder-Betuwe's share.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from cms.accounts.invitations import COORDINATOR, MUNICIPALITY_COORDINATOR
from cms.calendars.models import CalendarImport
from cms.models import ActivityPage, Municipality, Partner, Question
from tests import factories
from tests.cms.test_dashboard import start_page
from tests.cms.test_region_matrix import _submit, make_person
from tests.region_factories import IN_OCHTEN, IN_TIEL, region

NB, TIEL = "neder-betuwe", "tiel"


@pytest.fixture
def week(db):
    region(
        activities=[
            factories.activity(
                "club-ochten", slug="training-ochten", municipalities=[NB], location=IN_OCHTEN
            ),
            factories.activity(
                "club-tiel", slug="training-tiel", municipalities=[TIEL], location=IN_TIEL
            ),
        ],
        guides=[
            factories.guide("club-ochten", slug="gids-nb", municipalities=[NB]),
            factories.guide("club-tiel", slug="gids-tiel", municipalities=[TIEL]),
            factories.guide("ggd", slug="ggd-gids", municipalities=[NB, TIEL]),
        ],
    )
    four_days_ago = timezone.now() - timedelta(days=4)
    for n, slug in enumerate((NB, TIEL, TIEL)):
        Question.objects.create(
            reference=f"Q-{n}",
            language="pl",
            topic="housing",
            text="Pytanie",
            municipality=Municipality.objects.get(slug=slug),
            created_at=four_days_ago,
        )
    for club in ("club-ochten", "club-tiel"):
        CalendarImport.objects.create(
            partner=Partner.objects.get(slug=club),
            status=CalendarImport.Status.FAILED,
            error=f"feed of {club} is down",
        )
    _submit(ActivityPage, "training-ochten")
    page = ActivityPage.objects.get(slug="training-tiel")
    contributor = make_person("contributor", "club-tiel", "contributor-tiel@example.org")
    page.save_revision(user=contributor)
    page.get_workflow().start(page, contributor)


def panel(client, role: str, where: str | None = None) -> str:
    client.force_login(make_person(role, where))
    page = start_page(client)
    found = re.search(r'<section[^>]+data-panel="coordinator-work".*?</section>', page, re.S)
    assert found, "no coordinator panel on the start page"
    return found.group(0)


def count(panel_html: str, name: str) -> str:
    return re.search(rf'data-count="{name}">[^<]*?: (\d+)\.', panel_html).group(1)


def test_a_municipality_s_coordinator_sees_their_municipality_s_work(client, week):
    mine = panel(client, MUNICIPALITY_COORDINATOR, NB)

    assert "Neder-Betuwe this week" in mine
    assert count(mine, "overdue-questions") == "1"  # not Tiel's two
    assert count(mine, "in-review") == "1"
    assert count(mine, "stale-guides") == "2"  # its own and the GGD's shared one
    assert 'data-list="coverage"' in mine
    club_ochten, club_tiel = (Partner.objects.get(slug=s).pk for s in ("club-ochten", "club-tiel"))
    assert f'data-calendar-failed="{club_ochten}"' in mine
    assert f'data-calendar-failed="{club_tiel}"' not in mine
    assert "municipality=neder-betuwe" in mine and "municipality=tiel" not in mine  # posters


def test_the_regional_coordinator_still_sees_the_whole_region(client, week):
    everything = panel(client, COORDINATOR)

    assert "The platform this week" in everything
    assert count(everything, "overdue-questions") == "3"
    assert count(everything, "in-review") == "2"
    assert count(everything, "stale-guides") == "3"
    assert everything.count("data-calendar-failed=") == 2


@pytest.mark.parametrize(
    ("role", "where", "queries"),
    # Ours are the same nine for both (one per item of work, coverage four), each narrowed
    # inside its own query; the platform's coordinator's coverage also reads the policy
    # actions and the open surveys (+2, none here) and the site's own texts (+7: six
    # kinds' objects, one query for all their records). The rest is Wagtail's: its
    # "awaiting your review" panel costs some forty for the one submitted page
    # Neder-Betuwe's coordinator may approve.
    [(MUNICIPALITY_COORDINATOR, NB, 84), (COORDINATOR, None, 53)],
)
def test_the_start_page_costs_a_fixed_number_of_queries(
    client, week, django_assert_num_queries, role, where, queries
):
    client.force_login(make_person(role, where))
    start_page(client)  # sessions, permissions caches: warm
    with django_assert_num_queries(queries):
        start_page(client)
