"""Naming a municipality's coordinators: by invitation, from the regional coordinator's page.

The invitation keeps the rules of issue #21: one-use link, the role given only
to whoever opens it for the invited address. What a municipality coordinator
may then do is the matrix's (``test_region_matrix``).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page, WorkflowPage

from cms.accounts.invitations import (
    COORDINATOR,
    MUNICIPALITY_COORDINATOR,
    accept_for_new_account,
    invite_member,
)
from cms.models import ActivityIndexPage, GuideIndexPage, Municipality, Partner
from cms.permissions.roles import (
    COORDINATORS_GROUP,
    coordinated_municipality_ids,
    is_coordinator,
    is_municipality_coordinator,
)
from tests.cms.conftest import PASSWORD
from tests.region_factories import region

LINK = re.compile(r"https?://\S+/admin/invitation/[\w-]+/")


@pytest.fixture
def two_municipalities(db):
    region()
    return Municipality.objects.get(slug="neder-betuwe"), Municipality.objects.get(slug="tiel")


def regional(client) -> User:
    sent = invite_member("regio@example.org", COORDINATOR)
    user = accept_for_new_account(sent.invitation, PASSWORD)
    client.force_login(user)
    return user


def test_a_regional_coordinator_invites_a_municipality_s_coordinator(client, two_municipalities):
    _, tiel = two_municipalities
    regional(client)
    page = reverse("cms_municipality_coordinators", args=[tiel.pk])

    sent = client.post(page, {"email": "wethouder@tiel.example", "language": "pl"})

    assert sent.status_code == 302
    assert not User.objects.filter(email="wethouder@tiel.example").exists()  # only the link
    (message,) = mail.outbox
    assert "Tiel" in message.subject
    assert "koordynator gminy" in message.subject  # the role, in the invitation's language
    (url,) = LINK.findall(message.body)
    path = urlsplit(url).path
    client.logout()

    done = client.post(path, {"new_password1": PASSWORD, "new_password2": PASSWORD})

    assert done.status_code == 302
    user = User.objects.get(email="wethouder@tiel.example")
    assert coordinated_municipality_ids(user) == {tiel.pk}
    assert is_municipality_coordinator(user) and not is_coordinator(user)
    client.logout()
    assert client.get(path).status_code == 410  # one use


def test_only_a_regional_coordinator_names_them(client, two_municipalities):
    neder_betuwe, tiel = two_municipalities
    sent = invite_member("nb@example.org", MUNICIPALITY_COORDINATOR, municipality=neder_betuwe)
    client.force_login(accept_for_new_account(sent.invitation, PASSWORD))
    for municipality in (neder_betuwe, tiel):
        page = reverse("cms_municipality_coordinators", args=[municipality.pk])
        # Wagtail answers a refusal in its admin with a redirect to the start page.
        for refused in (client.get(page), client.post(page, {"email": "vriend@example.org"})):
            assert (refused.status_code, refused["Location"]) == (302, reverse("wagtailadmin_home"))
    assert not User.objects.filter(email="vriend@example.org").exists()
    assert len(mail.outbox) == 0


def test_removing_a_coordinator_takes_the_municipality_away(client, two_municipalities):
    _, tiel = two_municipalities
    sent = invite_member("tiel@example.org", MUNICIPALITY_COORDINATOR, municipality=tiel)
    coordinator = accept_for_new_account(sent.invitation, PASSWORD)
    regional(client)

    client.post(
        reverse("cms_municipality_coordinators", args=[tiel.pk]), {"remove": coordinator.pk}
    )

    assert coordinated_municipality_ids(User.objects.get(pk=coordinator.pk)) == frozenset()


@pytest.mark.parametrize(
    ("role", "where", "message"),
    [
        (MUNICIPALITY_COORDINATOR, {}, "belongs to a municipality"),
        (MUNICIPALITY_COORDINATOR, {"partner": True}, "belongs to a municipality"),
        (COORDINATOR, {"municipality": True}, "whole platform"),
        ("editor", {"municipality": True}, "belongs to a partner"),
    ],
)
def test_an_invitation_names_the_place_its_role_belongs_to(
    two_municipalities, role, where, message
):
    neder_betuwe, _ = two_municipalities
    kwargs = {}
    if where.get("municipality"):
        kwargs["municipality"] = neder_betuwe
    partner = Partner.objects.get(slug="ggd") if where.get("partner") or role == "editor" else None
    with pytest.raises(ValidationError, match=message):
        invite_member("x@example.org", role, partner, **kwargs)
    assert not neder_betuwe.coordinators_id


def test_every_municipality_s_part_of_the_tree_gives_the_roles_their_rights(two_municipalities):
    """Before, the roles had rights under the first municipality's home only."""
    _, tiel = two_municipalities
    home = Page.objects.get(pk=tiel.site.root_page_id)
    sections = [
        section
        for model in (ActivityIndexPage, GuideIndexPage)
        for section in model.objects.child_of(home)
    ]
    assert len(sections) == 2
    assert GroupPagePermission.objects.filter(
        group__name=COORDINATORS_GROUP, page=home, permission__codename="publish_page"
    ).exists()
    club_editors = Partner.objects.get(slug="club-tiel").groups.get(role="editor").group
    for section in sections:
        assert GroupPagePermission.objects.filter(
            group=club_editors, page=section, permission__codename="add_page"
        ).exists()
        assert WorkflowPage.objects.filter(page=section).exists()
