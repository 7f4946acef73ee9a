"""The user listing's bulk actions keep a coordinator to partner people and partner roles.

Through Wagtail's real bulk action URL: "assign role" offers and accepts only
partners' groups, and neither it nor "set active state" reaches a superuser's
or another coordinator's account. Every refusal leaves the accounts unchanged.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, User
from django.urls import reverse

from cms.permissions.roles import COORDINATORS_GROUP
from tests.cms.conftest import PASSWORD, make_member


def bulk_url(action: str, *users: User) -> str:
    ids = "&".join(f"id={user.pk}" for user in users)
    return reverse("wagtail_bulk_action", args=["auth", "user", action]) + f"?{ids}&next=/admin/"


def groups_of(user: User) -> list[str]:
    return sorted(User.objects.get(pk=user.pk).groups.values_list("name", flat=True))


def is_active(user: User) -> bool:
    return User.objects.get(pk=user.pk).is_active


def test_a_coordinator_cannot_assign_the_coordinators_group(client, coalition):
    coordinator = make_member("coordinator")
    editor = make_member("editor", "ggd")
    coordinators = Group.objects.get(name=COORDINATORS_GROUP)
    client.force_login(coordinator)
    before = {user.pk: groups_of(user) for user in (coordinator, editor)}

    offered = client.get(bulk_url("assign_role", editor)).context["form"].fields["role"].queryset
    assert coordinators not in offered and offered.exists()
    response = client.post(bulk_url("assign_role", editor, coordinator), {"role": coordinators.pk})

    assert response.status_code == 200 and "role" in response.context["form"].errors
    assert {user.pk: groups_of(user) for user in (coordinator, editor)} == before


def test_a_coordinator_assigns_partner_roles_only_to_people_they_manage(client, coalition):
    superuser = User.objects.create_superuser("beheer", "beheer@example.org", PASSWORD)
    other = make_member("coordinator", email="collega@gemeente.example")
    editor = make_member("editor", "ggd")
    partner_group = editor.groups.get(partner_group__isnull=False)
    client.force_login(make_member("coordinator"))
    before = {user.pk: groups_of(user) for user in (superuser, other)}

    response = client.post(
        bulk_url("assign_role", superuser, other, editor), {"role": partner_group.pk}
    )

    assert response.status_code == 302
    assert {user.pk: groups_of(user) for user in (superuser, other)} == before
    assert partner_group.name in groups_of(editor)


def test_a_coordinator_cannot_switch_off_a_superuser_or_another_coordinator(client, coalition):
    superuser = User.objects.create_superuser("beheer", "beheer@example.org", PASSWORD)
    other = make_member("coordinator", email="collega@gemeente.example")
    editor = make_member("editor", "ggd")
    client.force_login(make_member("coordinator"))

    listed = client.get(bulk_url("set_active_state", superuser, other, editor)).context
    assert {user.pk for user in listed["items_with_no_access"]} == {superuser.pk, other.pk}
    response = client.post(
        bulk_url("set_active_state", superuser, other, editor), {"mark_as_active": "False"}
    )

    assert response.status_code == 302
    assert is_active(superuser) and is_active(other)
    assert not is_active(editor)  # a partner editor may be switched off on purpose


def test_a_superuser_keeps_wagtails_bulk_actions(client, coalition):
    client.force_login(User.objects.create_superuser("beheer", "beheer@example.org", PASSWORD))
    other = make_member("coordinator", email="collega@gemeente.example")
    editor = make_member("editor", "ggd")
    coordinators = Group.objects.get(name=COORDINATORS_GROUP)

    client.post(bulk_url("assign_role", editor), {"role": coordinators.pk})
    client.post(bulk_url("set_active_state", other), {"mark_as_active": "False"})

    assert COORDINATORS_GROUP in groups_of(editor)
    assert not is_active(other)


def test_a_disabled_coordinator_stays_out_of_a_coordinators_reach(client, coalition):
    other = make_member("coordinator", email="collega@gemeente.example")
    User.objects.filter(pk=other.pk).update(is_active=False)
    client.force_login(make_member("coordinator"))

    client.post(bulk_url("set_active_state", other), {"mark_as_active": "True"})
    edit = client.get(reverse("wagtailusers_users:edit", args=[other.pk]))

    assert not is_active(other)
    assert edit.status_code in (302, 403)


def test_a_coordinator_deletes_nobody_in_bulk(client, coalition):
    """Coordinators do not hold `delete_user`: the bulk delete removes no account, neither
    a partner editor's nor a superuser's, whatever is posted."""
    superuser = User.objects.create_superuser("beheer", "beheer@example.org", PASSWORD)
    editor = make_member("editor", "ggd")
    client.force_login(make_member("coordinator"))

    client.post(bulk_url("delete", superuser, editor))

    assert User.objects.filter(pk__in=[superuser.pk, editor.pk]).count() == 2
