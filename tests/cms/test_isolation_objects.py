"""Every admin view of one object refuses another partner's object, not only edit and delete.

Wagtail's history and usage views ask only whether the user may change that
kind of object at all, never whether this one is theirs (issue #21, point 5,
first found on the questions). A partner's editor may change sign-ups, buddy
lists and venues, so VV Ochten's editor could open GGD's sign-up's history
(who handled it) and the usage of GGD's venue (its activities, drafts too).
Here every object view of every admin menu that holds partners' rows is asked
for GGD's row by VV Ochten's people; the coordinator opens each, which shows
that the probe reaches a real page.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import transaction
from django.db.models import Model
from django.http import HttpResponse
from django.urls import reverse

from cms.models import BuddyMatch, BuddyProject, GlossaryTerm, Municipality, PolicyAction
from cms.taking_part.buddies import make_match
from tests.cms.conftest import build_coalition
from tests.cms.test_permission_matrix import own_buddy_pair, own_signup, own_venue

# The views Wagtail's model and snippet viewsets give each object.
OBJECT_VIEWS = ["edit", "delete", "history", "history_results", "usage"]


def own_match() -> BuddyMatch:
    request, offer = own_buddy_pair()
    return BuddyMatch.objects.filter(request=request).first() or make_match(request, offer)


# The admin menu (URL namespace) and how to get GGD's row in it.
OWN_ROWS: dict[str, Callable[[], Model]] = {
    "signups": own_signup,
    "buddy_requests": lambda: own_buddy_pair()[0],
    "buddy_offers": lambda: own_buddy_pair()[1],
    "buddy_matches": own_match,
    "venues": own_venue,
    "wagtailsnippets_cms_policyaction": lambda: PolicyAction.objects.get(slug="taalhuis"),
    # The coordinators' own menus: refused for the kind, before any row is looked at.
    "buddy_projects": lambda: own_buddy_pair()[0].project or BuddyProject.objects.get(),
    "wagtailsnippets_cms_glossaryterm": lambda: GlossaryTerm.objects.get_or_create(
        slug="bsn", defaults={"term_nl": "Burgerservicenummer", "explanation_nl": "Je nummer."}
    )[0],
    "wagtailsnippets_cms_municipality": lambda: Municipality.objects.order_by("pk").first(),
}


@pytest.fixture(scope="module")
def coalition_for_module(django_db_setup, django_db_blocker):
    """The coalition, imported once for the module; each test is rolled back to it."""
    with django_db_blocker.unblock(), transaction.atomic():
        build_coalition()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def coalition(coalition_for_module, db):
    """Overrides the conftest fixture: the module's coalition, unchanged for every test."""


def _answers(client, menu: str) -> tuple[Model, dict[str, HttpResponse]]:
    row = OWN_ROWS[menu]()
    return row, {
        view: client.get(reverse(f"{menu}:{view}", args=[row.pk])) for view in OBJECT_VIEWS
    }


@pytest.mark.parametrize("role", ["editor_other", "contributor_other"])
@pytest.mark.parametrize("menu", OWN_ROWS)
def test_another_partner_cannot_open_the_row(client, login_as, role, menu):
    OWN_ROWS[menu]()  # made before the login, as the owner's people would have
    login_as(role)
    row, answers = _answers(client, menu)
    # Wagtail turns PermissionDenied into a redirect to the dashboard with a message.
    opened = {view: a.status_code for view, a in answers.items() if a.status_code == 200}
    assert not opened, (menu, opened)
    assert not [view for view, a in answers.items() if str(row) in a.content.decode()]


@pytest.mark.parametrize("menu", OWN_ROWS)
def test_the_coordinator_opens_it_so_the_probe_reaches_a_page(client, login_as, menu):
    OWN_ROWS[menu]()
    login_as("coordinator")
    _, answers = _answers(client, menu)
    assert {view: a.status_code for view, a in answers.items()} == dict.fromkeys(OBJECT_VIEWS, 200)
