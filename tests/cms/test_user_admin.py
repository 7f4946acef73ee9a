"""Coordinators manage partner people, never superusers or other coordinators (issue #21, 2).

Through Wagtail's real user admin views: a posted ``is_superuser`` is ignored,
only partners' groups can be given, and a superuser's or another
coordinator's account is refused (403 or the admin's "no permission"
redirect) and left unchanged.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, User
from django.urls import reverse

from cms.permissions.roles import COORDINATORS_GROUP
from tests.cms.conftest import PASSWORD, make_member

NEW_PASSWORD = "een-ander-lang-wachtwoord-42"


def user_form(user: User | None = None, **overrides) -> dict:
    data = {
        "username": user.username if user else "nieuw@example.org",
        "email": user.email if user else "nieuw@example.org",
        "first_name": "Voor",
        "last_name": "Naam",
        "is_active": "on",
        "password1": "",
        "password2": "",
        "groups": [g.pk for g in user.groups.all()] if user else [],
    }
    data.update(overrides)
    return data


def refused(response) -> bool:
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def account(user: User) -> tuple:
    fresh = User.objects.get(pk=user.pk)
    return fresh.is_superuser, fresh.password, fresh.email, sorted(fresh.groups.values_list("name"))


def test_a_coordinator_cannot_make_a_partner_editor_superuser(client, coalition):
    client.force_login(make_member("coordinator"))
    editor = make_member("editor", "ggd")
    url = reverse("wagtailusers_users:edit", args=[editor.pk])

    assert "is_superuser" not in client.get(url).context["form"].fields
    response = client.post(url, user_form(editor, is_superuser="on", last_name="Anders"))

    assert response.status_code == 302
    editor = User.objects.get(pk=editor.pk)
    assert editor.last_name == "Anders"  # the edit went through...
    assert not editor.is_superuser  # ...without the flag


def test_a_coordinator_gives_only_partner_roles(client, coalition):
    client.force_login(make_member("coordinator"))
    editor = make_member("editor", "ggd")
    coordinators = Group.objects.get(name=COORDINATORS_GROUP)
    url = reverse("wagtailusers_users:edit", args=[editor.pk])

    offered = client.get(url).context["form"].fields["groups"].queryset
    assert coordinators not in offered and offered.exists()
    response = client.post(url, user_form(editor, groups=[coordinators.pk]))

    assert response.status_code == 200 and "groups" in response.context["form"].errors
    assert COORDINATORS_GROUP not in User.objects.get(pk=editor.pk).groups.values_list(
        "name", flat=True
    )


def test_a_coordinator_cannot_create_a_superuser(client, coalition):
    client.force_login(make_member("coordinator"))
    response = client.post(
        reverse("wagtailusers_users:add"),
        user_form(is_superuser="on", password1=NEW_PASSWORD, password2=NEW_PASSWORD),
    )
    assert response.status_code == 302
    assert not User.objects.get(username="nieuw@example.org").is_superuser


def test_a_coordinator_cannot_touch_a_superuser_or_another_coordinator(client, coalition):
    superuser = User.objects.create_superuser("beheer", "beheer@example.org", PASSWORD)
    other = make_member("coordinator", email="collega@gemeente.example")
    client.force_login(make_member("coordinator"))
    for target in (superuser, other):
        before = account(target)
        for view in ("edit", "delete", "history"):
            url = reverse(f"wagtailusers_users:{view}", args=[target.pk])
            assert refused(client.get(url)), (view, target.username)
        changes = user_form(
            target, password1=NEW_PASSWORD, password2=NEW_PASSWORD, email="kaper@example.org"
        )
        assert refused(client.post(reverse("wagtailusers_users:edit", args=[target.pk]), changes))
        assert refused(client.post(reverse("wagtailusers_users:delete", args=[target.pk])))
        assert account(target) == before


def test_a_superuser_keeps_wagtails_full_form(client, coalition):
    client.force_login(User.objects.create_superuser("beheer", "beheer@example.org", PASSWORD))
    editor = make_member("editor", "ggd")
    url = reverse("wagtailusers_users:edit", args=[editor.pk])
    client.post(url, user_form(editor, is_superuser="on"))
    assert User.objects.get(pk=editor.pk).is_superuser


def test_a_coordinator_changes_no_address_in_the_user_admin(client, coalition):
    coordinator = make_member("coordinator")
    editor = make_member("editor", "ggd")
    client.force_login(coordinator)
    for target in (editor, coordinator):
        url = reverse("wagtailusers_users:edit", args=[target.pk])
        assert client.get(url).context["form"].fields["email"].disabled
        client.post(url, user_form(target, email="kaper@example.org", last_name="Anders"))
        assert User.objects.get(pk=target.pk).email == target.email


def test_a_coordinator_switches_a_partner_editor_off_and_on(client, coalition):
    editor = make_member("editor", "ggd")
    client.force_login(make_member("coordinator"))
    url = reverse("wagtailusers_users:edit", args=[editor.pk])

    client.post(url, user_form(editor, is_active=""))
    assert not User.objects.get(pk=editor.pk).is_active
    client.post(url, user_form(editor))
    assert User.objects.get(pk=editor.pk).is_active
