"""Adding people to partners: the coordinator's admin page and ``manage.py add_editor``;
and the groups that come with every partner."""

import re
from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import GroupPagePermission

from cms.models import ActivityIndexPage, GuideIndexPage, Partner, PartnerGroup
from cms.permissions.roles import partner_roles
from tests import factories
from tests.cms.conftest import make_member


def add_editor(*args) -> str:
    out = StringIO()
    call_command("add_editor", *args, stdout=out)
    return out.getvalue()


def test_command_invites_a_new_editor_and_changes_nothing_before_the_link(client, coalition):
    output = add_editor("--partner", "ggd", "--email", "an@ggd.example", "--role", "editor")

    assert not User.objects.filter(email="an@ggd.example").exists()
    (url,) = re.findall(r"http\S+/admin/invitation/\S+/", output)
    client.post(
        urlsplit(url).path,
        {
            "new_password1": "a-long-enough-password-123",
            "new_password2": "a-long-enough-password-123",
        },
    )
    user = User.objects.get(email="an@ggd.example")
    assert user.username == "an@ggd.example"
    ggd = Partner.objects.get(slug="ggd")
    assert partner_roles(user) == {ggd.pk: {"editor"}}


def test_command_can_invite_a_coordinator(coalition):
    output = add_editor("--email", "coordinator@gemeente.example", "--role", "coordinator")
    assert "/admin/invitation/" in output


@pytest.mark.parametrize(
    "args, message",
    [
        (["--partner", "onbekend", "--email", "x@example.org"], "Unknown partner"),
        (["--email", "x@example.org", "--role", "editor"], "--partner is required"),
        (["--partner", "ggd", "--email", "geen-adres"], "e-mail"),
        (["--partner", "ggd", "--email", "x@example.org", "--role", "coordinator"], "leave out"),
    ],
)
def test_command_refuses_bad_input(coalition, args, message):
    with pytest.raises(CommandError, match=message):
        add_editor(*args)


def test_coordinator_invites_an_editor_from_the_admin(client, coalition):
    client.force_login(make_member("coordinator"))
    ggd = Partner.objects.get(slug="ggd")

    response = client.post(
        reverse("cms_partner_members", args=[ggd.pk]),
        {"email": "nieuw@ggd.example", "first_name": "Nieuw", "role": "editor"},
    )

    assert response.status_code == 302
    assert not User.objects.filter(email="nieuw@ggd.example").exists()  # not before the link
    (message,) = mail.outbox
    assert message.to == ["nieuw@ggd.example"]
    assert "/admin/invitation/" in message.body
    page = client.get(reverse("cms_partner_members", args=[ggd.pk])).content.decode()
    assert "nieuw@ggd.example" in page  # listed as not accepted yet
    # No mail server configured (EMAIL_HOST): the coordinator gets the link to pass on.
    assert "/admin/invitation/" in page


def test_coordinator_removes_a_member(client, coalition):
    client.force_login(make_member("coordinator"))
    editor = make_member("editor", "ggd")
    ggd = Partner.objects.get(slug="ggd")

    client.post(reverse("cms_partner_members", args=[ggd.pk]), {"remove": editor.pk})

    assert partner_roles(User.objects.get(pk=editor.pk)) == {}


def test_editors_cannot_open_the_members_page(client, coalition):
    client.force_login(make_member("editor", "ggd"))
    ggd = Partner.objects.get(slug="ggd")
    response = client.get(reverse("cms_partner_members", args=[ggd.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def test_creating_a_partner_creates_its_groups_and_permissions(coalition):
    factories.load(partners=[factories.partner(slug="bibliotheek", name="Bibliotheek Ochten")])
    partner = Partner.objects.get(slug="bibliotheek")

    groups = {link.role: link.group for link in PartnerGroup.objects.filter(partner=partner)}
    assert set(groups) == {"editor", "contributor"}
    assert groups["editor"].name == "Bibliotheek Ochten (bibliotheek): editors"
    sections = {ActivityIndexPage.objects.get().pk, GuideIndexPage.objects.get().pk}
    for role, actions in (
        ("editor", {"add", "change", "publish"}),
        ("contributor", {"add", "change"}),
    ):
        granted = GroupPagePermission.objects.filter(group=groups[role])
        assert {p.page_id for p in granted} == sections
        assert {p.permission.codename.split("_")[0] for p in granted} == actions
    assert groups["editor"].permissions.filter(codename="change_policyaction").exists()
    assert not groups["contributor"].permissions.filter(codename="change_policyaction").exists()


def test_partner_created_in_the_admin_gets_its_groups(client, coalition):
    from tests.cms.test_permission_matrix import partner_form_data

    client.force_login(make_member("coordinator"))
    client.post(reverse("wagtailsnippets_cms_partner:add"), partner_form_data())
    partner = Partner.objects.get(slug="nieuwe-partner")
    assert PartnerGroup.objects.filter(partner=partner).count() == 2


def test_renaming_a_partner_renames_its_groups_and_deleting_removes_them(coalition):
    partner = Partner.objects.get(slug="leeg")
    partner.name = "Buurtvereniging"
    partner.save()
    assert Group.objects.filter(name="Buurtvereniging (leeg): editors").exists()

    partner.delete()
    assert not Group.objects.filter(name__startswith="Buurtvereniging").exists()


def test_setup_roles_repairs_permissions(coalition):
    group = PartnerGroup.objects.get(partner__slug="ggd", role="editor").group
    GroupPagePermission.objects.filter(group=group).delete()

    call_command("setup_roles", stdout=StringIO())

    assert GroupPagePermission.objects.filter(group=group).count() == 6


def test_partner_listing_links_to_the_members_page(client, coalition):
    client.force_login(make_member("coordinator"))
    ggd = Partner.objects.get(slug="ggd")
    listing = client.get(reverse("wagtailsnippets_cms_partner:list")).content.decode()
    assert reverse("cms_partner_members", args=[ggd.pk]) in listing
