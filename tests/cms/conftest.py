"""The coalition the permission tests work in: two partners with content, and people in roles."""

from __future__ import annotations

import pytest

from cms.accounts.invitations import (
    COORDINATOR,
    accept_for_existing_account,
    accept_for_new_account,
    account_of,
    invite_member,
)
from tests import factories

PASSWORD = "a-long-enough-password-123"
OWN = "ggd"  # the partner whose content the tests act on
OTHER = "vv-ochten"
TRANSLATOR = "translator"


def build_coalition() -> None:
    """GGD and VV Ochten, each with an activity and a guide; GGD is responsible for one action."""
    factories.load(
        partners=[
            factories.partner(slug=OWN, name="GGD Gelderland-Zuid", type="ggd"),
            factories.partner(slug=OTHER, name="VV Ochten", type="sports_club"),
            factories.partner(slug="leeg", name="Nog leeg"),
        ],
        activities=[
            factories.activity(OWN, slug="spreekuur"),
            factories.activity(OTHER, slug="voetbal"),
        ],
        guides=[factories.guide(OWN, slug="huisarts"), factories.guide(OTHER, slug="clubgids")],
        policy_actions=[
            factories.policy_action(slug="taalhuis", responsible=[OWN]),
            factories.policy_action(slug="handhaving", responsible=[OTHER]),
        ],
    )


@pytest.fixture
def coalition(db):
    build_coalition()


def make_member(role: str, partner_slug: str | None = None, email: str | None = None):
    """A user in ``role``, made the way the coordinator does it: invited, and the link used."""
    from cms.models import Partner

    partner = Partner.objects.get(slug=partner_slug) if partner_slug else None
    email = email or f"{role}-{partner_slug or 'platform'}@example.org"
    invitation = invite_member(email, role, partner).invitation
    existing = account_of(invitation)
    if existing is not None:
        accept_for_existing_account(invitation, existing)
        return existing
    return accept_for_new_account(invitation, PASSWORD)


def make_translator(language: str):
    """A user with only a translator assignment (the coordinator gives it in the admin)."""
    from django.contrib.auth import get_user_model

    from cms.translation.translators import assign_translator

    user = get_user_model().objects.create_user(
        f"translator-{language}", f"translator-{language}@example.org", PASSWORD
    )
    assign_translator(user, language)
    return user


# Who acts: the role, and the partner they work for (None: no partner).
ROLES = {
    "anonymous": None,
    "editor_other": ("editor", OTHER),
    "contributor_other": ("contributor", OTHER),
    "editor_own": ("editor", OWN),
    "contributor_own": ("contributor", OWN),
    "coordinator": (COORDINATOR, None),
    # A volunteer of a migrants' organisation who translates into Polish, and nothing else.
    "translator_pl": (TRANSLATOR, "pl"),
}


@pytest.fixture
def server():
    """A local HTTP server for calendar feeds (``tests/cms/feed_server.py``), per test."""
    from tests.cms.feed_server import FeedServer

    running = FeedServer()
    yield running
    running.close()


@pytest.fixture
def login_as(client, coalition):
    """``login_as(role_name)`` logs the client in as a fresh user in that role; returns the user."""

    def login(role_name: str):
        spec = ROLES[role_name]
        if spec is None:
            return None
        user = make_translator(spec[1]) if spec[0] == TRANSLATOR else make_member(*spec)
        client.force_login(user)
        return user

    return login
